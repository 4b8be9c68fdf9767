using System;
using Kerla.Kernel.Boot;
using Kerla.Kernel.Memory;
using static Kerla.Arch.X64.Boot.PhysicalMemoryReader;

namespace Kerla.Arch.X64.Boot
{
    // The multiboot2 boot information (GRUB): u32 total_size, u32 reserved, then
    // 8-byte-aligned tags { u32 type, u32 size, ... } ending with type 0.
    // Tags used: 1 command line, 3 module, 6 memory map.
    public static class Multiboot2Info
    {
        private const uint TagEnd = 0, TagCommandLine = 1, TagModule = 3, TagMemoryMap = 6;
        private const int MaxSize = 64 * 1024;

        public static BootInfo? Parse(PhysicalMemoryReader memory, ulong address, out string? error)
        {
            error = null;
            uint total = U32(memory.Read(address, 8), 0);
            if (total < 16 || total > MaxSize)
            {
                error = "multiboot2 information has an absurd size";
                return null;
            }
            ReadOnlySpan<byte> info = memory.Read(address, (int)total);
            string commandLine = "";
            MemoryRegion[] regions = new MemoryRegion[0];
            BootModule[] modules = new BootModule[0];

            int offset = 8;
            while (offset + 8 <= total)
            {
                uint type = U32(info, offset);
                uint size = U32(info, offset + 4);
                if (type == TagEnd) break;
                if (size < 8 || offset + size > total)
                {
                    error = "multiboot2 tag runs past the end of the information";
                    return null;
                }
                ReadOnlySpan<byte> tag = info.Slice(offset, (int)size);
                if (type == TagCommandLine)
                {
                    commandLine = CString(tag.Slice(8));
                }
                else if (type == TagMemoryMap && size >= 16)
                {
                    uint entrySize = U32(tag, 8);
                    if (entrySize < 24)
                    {
                        error = "multiboot2 memory map entries are too small";
                        return null;
                    }
                    int count = (int)((size - 16) / entrySize);
                    regions = new MemoryRegion[count];
                    for (int i = 0; i < count; i++)
                    {
                        int e = 16 + i * (int)entrySize;
                        regions[i] = new MemoryRegion(U64(tag, e), U64(tag, e + 8), (MemoryType)U32(tag, e + 16));
                    }
                }
                else if (type == TagModule && size >= 16)
                {
                    uint start = U32(tag, 8), end = U32(tag, 12);
                    var module = new BootModule(start, end >= start ? end - start : 0, CString(tag.Slice(16)));
                    BootModule[] more = new BootModule[modules.Length + 1];
                    Array.Copy(modules, more, modules.Length);
                    more[modules.Length] = module;
                    modules = more;
                }
                offset += (int)((size + 7) & ~7u);
            }
            if (regions.Length == 0)
            {
                error = "multiboot2 information has no memory map";
                return null;
            }
            return new BootInfo("multiboot2", regions, commandLine, modules);
        }

        private static string CString(ReadOnlySpan<byte> bytes)
        {
            int end = bytes.IndexOf((byte)0);
            return Latin1(end < 0 ? bytes : bytes.Slice(0, end));
        }
    }
}
