using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Kerla.Kernel.Exec;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// The ELF reader against real static binaries (musl, glibc, static-PIE) compared
// with readelf, and against malformed files, which must be ENOEXEC.
public class ElfImageTests
{
    private static readonly Lazy<string> Programs = new(() =>
    {
        string dir = Tools.TempDirectory("kerla-elf");
        File.WriteAllText(Path.Combine(dir, "hello.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        Tools.Run("musl-gcc", "-static -O2 -o musl hello.c", dir);
        Tools.Run("gcc", "-static -O2 -o glibc hello.c", dir);
        Tools.Run("gcc", "-static-pie -O2 -o pie hello.c", dir);
        return dir;
    });

    [Theory]
    [InlineData("musl", false)]
    [InlineData("glibc", false)]
    [InlineData("pie", true)]
    public void ReadsWhatReadelfReads(string program, bool pie)
    {
        string path = Path.Combine(Programs.Value, program);
        ElfImage? image = ElfImage.Parse(File.ReadAllBytes(path), out Errno error);
        Assert.NotNull(image);
        Assert.Equal((Errno)0, error);
        Assert.Equal(pie, image!.PositionIndependent);
        Assert.False(image.HasInterpreter);

        string header = Tools.Run("readelf", $"-hlW {path}", Programs.Value);
        ulong entry = Convert.ToUInt64(Regex.Match(header, @"Entry point address:\s+0x([0-9a-f]+)").Groups[1].Value, 16);
        Assert.Equal(entry, image.Entry);
        var loads = Regex.Matches(header, @"^\s+LOAD\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x[0-9a-f]+ 0x([0-9a-f]+) 0x([0-9a-f]+) (.{3})", RegexOptions.Multiline);
        Assert.Equal(loads.Count, image.Segments.Length);
        for (int i = 0; i < loads.Count; i++)
        {
            Assert.Equal(Convert.ToUInt64(loads[i].Groups[1].Value, 16), image.Segments[i].FileOffset);
            Assert.Equal(Convert.ToUInt64(loads[i].Groups[2].Value, 16), image.Segments[i].VirtualAddress);
            Assert.Equal(Convert.ToUInt64(loads[i].Groups[3].Value, 16), image.Segments[i].FileSize);
            Assert.Equal(Convert.ToUInt64(loads[i].Groups[4].Value, 16), image.Segments[i].MemorySize);
            Assert.Equal(loads[i].Groups[5].Value.Contains('E'), image.Segments[i].Executable);
            Assert.Equal(loads[i].Groups[5].Value.Contains('W'), image.Segments[i].Writable);
        }
    }

    private static byte[] Musl() => File.ReadAllBytes(Path.Combine(Programs.Value, "musl"));

    private static int FirstLoadHeader(byte[] elf)
    {
        int phoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(32));
        for (int i = 0; ; i++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(phoff + i * 56)) == 1) return phoff + i * 56;
    }

    public static TheoryData<string> Corruptions() => new()
    {
        "empty", "truncated header", "bad magic", "32-bit", "big-endian", "not x86_64", "relocatable object",
        "no program headers", "program headers past the end", "absurd program header count", "segment past the end of the file",
        "file size over memory size", "segment in kernel space", "overlapping segments", "entry outside the code", "misaligned offset",
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void MalformedFilesAreENOEXEC(string corruption)
    {
        byte[] elf = Musl();
        int load = FirstLoadHeader(elf);
        void U16(int at, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(at), v);
        void U64(int at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(at), v);
        switch (corruption)
        {
            case "empty": elf = Array.Empty<byte>(); break;
            case "truncated header": elf = elf[..40]; break;
            case "bad magic": elf[1] = (byte)'X'; break;
            case "32-bit": elf[4] = 1; break;
            case "big-endian": elf[5] = 2; break;
            case "not x86_64": U16(18, 183); break;
            case "relocatable object": U16(16, 1); break;
            case "no program headers": U16(56, 0); break;
            case "program headers past the end": U64(32, (ulong)elf.Length - 10); break;
            case "absurd program header count": U16(56, 65000); break;
            case "segment past the end of the file": U64(load + 32, (ulong)elf.Length * 2); U64(load + 40, (ulong)elf.Length * 2); break;
            case "file size over memory size": U64(load + 40, 1); break;
            case "segment in kernel space": U64(load + 16, 0xffffffff80000000); break;
            case "overlapping segments":
                int second = load + 56;
                U64(second + 16, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(load + 16)));
                U64(second + 8, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(load + 8)));
                break;
            case "entry outside the code": U64(24, 0x10); break;
            case "misaligned offset": U64(load + 8, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(load + 8)) + 1); break;
        }
        Assert.Null(ElfImage.Parse(elf, out Errno error));
        Assert.Equal(Errno.ENOEXEC, error);
    }

    [Fact]
    public void ARandomFileIsNeverAFault()
    {
        var random = new Random(42);
        byte[] good = Musl();
        for (int i = 0; i < 2000; i++)
        {
            byte[] elf = (byte[])good.Clone();
            // Flip bytes in the headers, where the parser looks.
            for (int j = 0; j < 4; j++) elf[random.Next(0, 64 + 56 * 8)] = (byte)random.Next(256);
            ElfImage.Parse(elf, out _);
        }
    }
}
