using System;
using Kerla.Kernel.Boot;
using Kerla.Kernel.Memory;
using static Kerla.Arch.X64.Boot.PhysicalMemoryReader;

namespace Kerla.Arch.X64.Boot
{
    // struct hvm_start_info (Xen's public/arch-x86/hvm/start_info.h), handed over in
    // ebx by QEMU -kernel and Firecracker:
    //   0 magic, 4 version, 8 flags, 12 nr_modules, 16 modlist_paddr,
    //   24 cmdline_paddr, 32 rsdp_paddr, 40 memmap_paddr, 48 memmap_entries (version 1).
    public static class PvhStartInfo
    {
        public const uint Magic = 0x336ec578;
        private const int MaxEntries = 128;

        // Null with a reason when the structure is not something we can boot from.
        public static BootInfo? Parse(PhysicalMemoryReader memory, ulong address, out string? error)
        {
            ReadOnlySpan<byte> info = memory.Read(address, 56);
            error = null;
            if (U32(info, 0) != Magic)
            {
                error = "PVH start info has a bad magic number";
                return null;
            }
            if (U32(info, 4) < 1 || U32(info, 48) == 0)
            {
                error = "PVH start info has no memory map (version 0)";
                return null;
            }

            uint entries = U32(info, 48);
            if (entries > MaxEntries) entries = MaxEntries;
            ReadOnlySpan<byte> map = memory.Read(U64(info, 40), (int)entries * 24);
            var regions = new MemoryRegion[entries];
            for (int i = 0; i < entries; i++)
            {
                // struct hvm_memmap_table_entry { u64 addr, size; u32 type, reserved; }
                regions[i] = new MemoryRegion(U64(map, i * 24), U64(map, i * 24 + 8), (MemoryType)U32(map, i * 24 + 16));
            }

            uint moduleCount = U32(info, 12);
            if (moduleCount > 16) moduleCount = 16;
            var modules = new BootModule[moduleCount];
            if (moduleCount > 0)
            {
                // struct hvm_modlist_entry { u64 paddr, size, cmdline_paddr, reserved; }
                ReadOnlySpan<byte> list = memory.Read(U64(info, 16), (int)moduleCount * 32);
                for (int i = 0; i < moduleCount; i++)
                {
                    modules[i] = new BootModule(U64(list, i * 32), U64(list, i * 32 + 8),
                        memory.ReadCString(U64(list, i * 32 + 16), 1024));
                }
            }
            string commandLine = memory.ReadCString(U64(info, 24), 4096);
            return new BootInfo("PVH", regions, commandLine, modules);
        }
    }
}
