using System.Runtime.InteropServices;

namespace Kerla.Arch.X64.Cpu
{
    // The instructions in asm/cpu.asm. SuppressGCTransition makes each a direct call.
    internal static unsafe class Native
    {
        [DllImport("*", EntryPoint = "x64_outb"), SuppressGCTransition] internal static extern void OutB(ushort port, byte value);
        [DllImport("*", EntryPoint = "x64_outw"), SuppressGCTransition] internal static extern void OutW(ushort port, ushort value);
        [DllImport("*", EntryPoint = "x64_outl"), SuppressGCTransition] internal static extern void OutL(ushort port, uint value);
        [DllImport("*", EntryPoint = "x64_inb"), SuppressGCTransition] internal static extern byte InB(ushort port);
        [DllImport("*", EntryPoint = "x64_inw"), SuppressGCTransition] internal static extern ushort InW(ushort port);
        [DllImport("*", EntryPoint = "x64_inl"), SuppressGCTransition] internal static extern uint InL(ushort port);
        [DllImport("*", EntryPoint = "x64_read_cr0"), SuppressGCTransition] internal static extern ulong ReadCr0();
        [DllImport("*", EntryPoint = "x64_read_cr2"), SuppressGCTransition] internal static extern ulong ReadCr2();
        [DllImport("*", EntryPoint = "x64_read_cr3"), SuppressGCTransition] internal static extern ulong ReadCr3();
        [DllImport("*", EntryPoint = "x64_write_cr3"), SuppressGCTransition] internal static extern void WriteCr3(ulong value);
        [DllImport("*", EntryPoint = "x64_read_cr4"), SuppressGCTransition] internal static extern ulong ReadCr4();
        [DllImport("*", EntryPoint = "x64_write_cr4"), SuppressGCTransition] internal static extern void WriteCr4(ulong value);
        [DllImport("*", EntryPoint = "x64_fxsave"), SuppressGCTransition] internal static extern void Fxsave(byte* area);
        [DllImport("*", EntryPoint = "x64_read_rbp"), SuppressGCTransition] internal static extern ulong ReadRbp();
        [DllImport("*", EntryPoint = "x64_invlpg"), SuppressGCTransition] internal static extern void Invlpg(ulong address);
        [DllImport("*", EntryPoint = "x64_rdtsc"), SuppressGCTransition] internal static extern ulong Rdtsc();
        [DllImport("*", EntryPoint = "x64_rdmsr"), SuppressGCTransition] internal static extern ulong Rdmsr(uint msr);
        [DllImport("*", EntryPoint = "x64_wrmsr"), SuppressGCTransition] internal static extern void Wrmsr(uint msr, ulong value);
        [DllImport("*", EntryPoint = "x64_cpuid"), SuppressGCTransition] internal static extern void Cpuid(uint leaf, uint subleaf, uint* registers);
        [DllImport("*", EntryPoint = "x64_lidt"), SuppressGCTransition] internal static extern void Lidt(void* descriptor);
        [DllImport("*", EntryPoint = "x64_lgdt"), SuppressGCTransition] internal static extern void Lgdt(void* descriptor, ushort codeSelector, ushort dataSelector);
        [DllImport("*", EntryPoint = "x64_ltr"), SuppressGCTransition] internal static extern void Ltr(ushort selector);
        [DllImport("*", EntryPoint = "x64_sti"), SuppressGCTransition] internal static extern void Sti();
        [DllImport("*", EntryPoint = "x64_cli"), SuppressGCTransition] internal static extern void Cli();
        [DllImport("*", EntryPoint = "x64_hlt"), SuppressGCTransition] internal static extern void Hlt();
        [DllImport("*", EntryPoint = "x64_sti_hlt"), SuppressGCTransition] internal static extern void StiHlt();
        [DllImport("*", EntryPoint = "x64_pause"), SuppressGCTransition] internal static extern void Pause();
        [DllImport("*", EntryPoint = "x64_read_rflags"), SuppressGCTransition] internal static extern ulong ReadRflags();
        [DllImport("*", EntryPoint = "x64_int3"), SuppressGCTransition] internal static extern void Int3();

        // Linker-script and assembly symbols, by address.
        [DllImport("*", EntryPoint = "__managed__Main"), SuppressGCTransition] internal static extern int ManagedMain(int argc, nint argv);
    }
}
