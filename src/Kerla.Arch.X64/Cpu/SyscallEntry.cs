using System.Runtime.InteropServices;
using Kerla.Arch.X64.Interrupts;
using Kerla.Kernel.Syscalls;

namespace Kerla.Arch.X64.Cpu
{
    // syscall/sysret: the MSRs that route the syscall instruction to
    // asm/syscall.asm, and the C# half of the entry.
    internal static unsafe class SyscallEntry
    {
        private const uint Efer = 0xc0000080, Star = 0xc0000081, Lstar = 0xc0000082, Fmask = 0xc0000084;
        private const ulong SyscallEnable = 1;
        // Cleared on entry: TF, IF, DF, IOPL, NT, AC.
        private const ulong MaskedFlags = 0x47700;

        [DllImport("*", EntryPoint = "x64_syscall_entry_address"), SuppressGCTransition]
        private static extern ulong EntryAddress();

        [DllImport("*", EntryPoint = "x64_task_stack_top"), SuppressGCTransition]
        internal static extern ulong TaskStackTop();

        [DllImport("*", EntryPoint = "x64_set_syscall_stack"), SuppressGCTransition]
        private static extern void SetSyscallStack(ulong top);

        internal static void Init()
        {
            Native.Wrmsr(Efer, Native.Rdmsr(Efer) | SyscallEnable);
            // syscall: CS = 0x08, SS = 0x10. sysret: CS = 0x10 + 16 | 3, SS = 0x10 + 8 | 3.
            Native.Wrmsr(Star, ((ulong)0x10 << 48) | ((ulong)Gdt.KernelCode << 32));
            Native.Wrmsr(Lstar, EntryAddress());
            Native.Wrmsr(Fmask, MaskedFlags);
            SetKernelStack(TaskStackTop());
        }

        // Where syscalls and interrupts from user mode land: the running task's stack.
        internal static void SetKernelStack(ulong top)
        {
            SetSyscallStack(top);
            Gdt.s_tss.Rsp0 = top;
        }

        [UnmanagedCallersOnly(EntryPoint = "syscall_handler")]
        private static void Handle(TrapFrame* frame)
        {
            Tasks.EnterSyscall();
            var args = new SyscallArgs(frame->Rdi, frame->Rsi, frame->Rdx, frame->R10, frame->R8, frame->R9);
            long number = (long)frame->Vector;
            long result = SyscallTable.Dispatch(number, args);
            frame->Rax = (ulong)result;
            Kerla.Kernel.Process.Signals.ReturnToUser(number, result);
        }
    }
}
