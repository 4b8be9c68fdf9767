using System.Runtime.InteropServices;

namespace Kerla.Arch.X64.Memory
{
    // Addresses the linker script defines (asm/cpu.asm x64_kernel_layout).
    internal unsafe struct KernelLayout
    {
        public ulong PhysStart;
        public ulong PhysEnd;
        public ulong TextStart;
        public ulong TextEnd;
        public ulong SymbolsStart;
        public ulong SymbolsEnd;
        public ulong ModulesStart;
        public ulong ModulesEnd;
        public ulong BootPml4;
        public ulong End;
        // An initramfs linked into the image; empty when there is none.
        public ulong InitramfsStart;
        public ulong InitramfsEnd;

        // The kernel image runs at -2 GiB; the physical address is the offset.
        public const ulong KernelBase = 0xffffffff80000000;

        [DllImport("*", EntryPoint = "x64_kernel_layout"), SuppressGCTransition]
        private static extern void Fill(KernelLayout* layout);

        [DllImport("*", EntryPoint = "x64_boot_arena"), SuppressGCTransition]
        private static extern void BootArena(ulong* startEnd);

        internal static KernelLayout Read()
        {
            KernelLayout layout;
            Fill(&layout);
            return layout;
        }

        internal static void ReadBootArena(out ulong start, out ulong end)
        {
            ulong* pair = stackalloc ulong[2];
            BootArena(pair);
            start = pair[0];
            end = pair[1];
        }

        internal bool InImage(ulong address) => address >= KernelBase + PhysStart && address < End;
    }
}
