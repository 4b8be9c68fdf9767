using System.Runtime.InteropServices;

namespace Kerla.Arch.X64.Cpu
{
    // SMEP and SMAP, where the CPU has them (CPUID 7: EBX bits 7 and 20): the
    // kernel can then neither run code from user pages nor read or write them
    // outside the user-copy layer (asm/usercopy.asm brackets its copy with
    // stac/clac). A kernel bug that follows a user pointer faults instead of
    // doing what the user program planted there.
    internal static unsafe class SupervisorProtection
    {
        private const ulong Smep = 1UL << 20, Smap = 1UL << 21;

        [DllImport("*", EntryPoint = "x64_smap_flag"), SuppressGCTransition]
        private static extern byte* SmapFlag();

        internal static bool SmepOn => (Native.ReadCr4() & Smep) != 0;
        internal static bool SmapOn => (Native.ReadCr4() & Smap) != 0;

        internal static void Enable()
        {
            uint* r = stackalloc uint[4];
            Native.Cpuid(0, 0, r);
            if (r[0] < 7) return;
            Native.Cpuid(7, 0, r);
            ulong cr4 = Native.ReadCr4();
            if ((r[1] & (1u << 7)) != 0) cr4 |= Smep;
            if ((r[1] & (1u << 20)) != 0)
            {
                *SmapFlag() = 1; // before CR4: the copy must use stac from the first access on
                cr4 |= Smap;
            }
            Native.WriteCr4(cr4);
        }
    }
}
