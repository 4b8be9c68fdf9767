using System.Buffers.Binary;
using System.Text;
using Kerla.Arch.X64.Boot;
using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Tests;

// The PVH and multiboot2 boot information, laid out in a fake physical memory as
// QEMU and GRUB lay it out.
public class BootInfoTests
{
    private sealed class FakeMemory : PhysicalMemoryReader
    {
        public readonly byte[] Bytes = new byte[64 * 1024];
        public override ReadOnlySpan<byte> Read(ulong address, int length)
        {
            if (address + (ulong)length > (ulong)Bytes.Length) throw new ArgumentOutOfRangeException(nameof(address));
            return Bytes.AsSpan((int)address, length);
        }
        public void U32(int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(at), v);
        public void U64(int at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(at), v);
        public void Text(int at, string s) => Encoding.ASCII.GetBytes(s + "\0").CopyTo(Bytes, at);
    }

    private static FakeMemory PvhInfo(uint version = 1, uint magic = PvhStartInfo.Magic)
    {
        var m = new FakeMemory();
        m.U32(0x100, magic);
        m.U32(0x104, version);
        m.U32(0x10c, 1);              // nr_modules
        m.U64(0x110, 0x400);          // modlist_paddr
        m.U64(0x118, 0x300);          // cmdline_paddr
        m.U64(0x128, 0x200);          // memmap_paddr
        m.U32(0x130, 2);              // memmap_entries
        m.Text(0x300, "console=ttyS0 init=/init");
        m.U64(0x200, 0); m.U64(0x208, 0x9fc00); m.U32(0x210, 1);
        m.U64(0x218, 0x100000); m.U64(0x220, 0x7ee0000); m.U32(0x228, 2);
        m.U64(0x400, 0x8000000); m.U64(0x408, 0x12345); m.U64(0x410, 0x500);
        m.Text(0x500, "initrd");
        return m;
    }

    [Fact]
    public void PvhStartInfoGivesMapCommandLineAndModules()
    {
        var info = PvhStartInfo.Parse(PvhInfo(), 0x100, out string? error);
        Assert.Null(error);
        Assert.NotNull(info);
        Assert.Equal("PVH", info!.Protocol);
        Assert.Equal("console=ttyS0 init=/init", info.CommandLine);
        Assert.Equal(2, info.MemoryMap.Length);
        Assert.Equal(0x7ee0000UL, info.MemoryMap[1].Length);
        Assert.Equal(MemoryType.Reserved, info.MemoryMap[1].Type);
        Assert.Single(info.Modules);
        Assert.Equal(0x8000000UL, info.Modules[0].PhysicalAddress);
        Assert.Equal(0x12345UL, info.Modules[0].Size);
        Assert.Equal("initrd", info.Modules[0].CommandLine);
    }

    [Fact]
    public void PvhWithABadMagicIsRefused()
    {
        Assert.Null(PvhStartInfo.Parse(PvhInfo(magic: 0x12345678), 0x100, out string? error));
        Assert.Contains("magic", error);
    }

    [Fact]
    public void PvhVersionZeroHasNoMemoryMap()
    {
        Assert.Null(PvhStartInfo.Parse(PvhInfo(version: 0), 0x100, out string? error));
        Assert.Contains("no memory map", error);
    }

    private static int Tag(FakeMemory m, int at, uint type, byte[] body)
    {
        m.U32(at, type);
        m.U32(at + 4, (uint)(8 + body.Length));
        body.CopyTo(m.Bytes, at + 8);
        return at + ((8 + body.Length + 7) & ~7);
    }

    private static FakeMemory Multiboot2Info(bool withMap = true)
    {
        var m = new FakeMemory();
        int at = 0x1008;
        at = Tag(m, at, 1, Encoding.ASCII.GetBytes("quiet kerla.test=selftest\0"));
        var module = new byte[8 + 7];
        BinaryPrimitives.WriteUInt32LittleEndian(module, 0x200000);
        BinaryPrimitives.WriteUInt32LittleEndian(module.AsSpan(4), 0x280000);
        Encoding.ASCII.GetBytes("rootfs\0").CopyTo(module, 8);
        at = Tag(m, at, 3, module);
        if (withMap)
        {
            var map = new byte[8 + 2 * 24];
            BinaryPrimitives.WriteUInt32LittleEndian(map, 24);
            BinaryPrimitives.WriteUInt64LittleEndian(map.AsSpan(8), 0x100000);
            BinaryPrimitives.WriteUInt64LittleEndian(map.AsSpan(16), 0x1000000);
            BinaryPrimitives.WriteUInt32LittleEndian(map.AsSpan(24), 1);
            BinaryPrimitives.WriteUInt64LittleEndian(map.AsSpan(32), 0xfec00000);
            BinaryPrimitives.WriteUInt64LittleEndian(map.AsSpan(40), 0x1000);
            BinaryPrimitives.WriteUInt32LittleEndian(map.AsSpan(48), 2);
            at = Tag(m, at, 6, map);
        }
        at = Tag(m, at, 0, Array.Empty<byte>());
        m.U32(0x1000, (uint)(at - 0x1000));
        return m;
    }

    [Fact]
    public void Multiboot2TagsGiveMapCommandLineAndModules()
    {
        var info = Kerla.Arch.X64.Boot.Multiboot2Info.Parse(Multiboot2Info(), 0x1000, out string? error);
        Assert.Null(error);
        Assert.Equal("multiboot2", info!.Protocol);
        Assert.Equal("quiet kerla.test=selftest", info.CommandLine);
        Assert.Equal(2, info.MemoryMap.Length);
        Assert.Equal(0x1100000UL, info.MemoryMap[0].End);
        Assert.Equal(MemoryType.Reserved, info.MemoryMap[1].Type);
        Assert.Equal(0x80000UL, info.Modules[0].Size);
        Assert.Equal("rootfs", info.Modules[0].CommandLine);
    }

    [Fact]
    public void Multiboot2WithoutAMemoryMapIsRefused()
    {
        Assert.Null(Kerla.Arch.X64.Boot.Multiboot2Info.Parse(Multiboot2Info(withMap: false), 0x1000, out string? error));
        Assert.Contains("no memory map", error);
    }

    [Fact]
    public void Multiboot2TagPastTheEndIsRefused()
    {
        var m = Multiboot2Info();
        m.U32(0x1008 + 4, 0x10000);
        Assert.Null(Kerla.Arch.X64.Boot.Multiboot2Info.Parse(m, 0x1000, out string? error));
        Assert.Contains("past the end", error);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(8u)]
    [InlineData(1u << 20)]
    public void Multiboot2AbsurdSizesAreRefused(uint size)
    {
        var m = Multiboot2Info();
        m.U32(0x1000, size);
        Assert.Null(Kerla.Arch.X64.Boot.Multiboot2Info.Parse(m, 0x1000, out string? error));
        Assert.NotNull(error);
    }
}
