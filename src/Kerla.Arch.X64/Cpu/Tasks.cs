using System.Runtime.InteropServices;
using Kerla.Arch.X64.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Arch.X64.Cpu
{
    // A task's kernel stack and what a switch saves. The stack holds, when the
    // task is switched out, the callee-saved registers and a return address on
    // top (asm/context.asm); a new task's stack ends in a syscall frame that
    // syscall_return_path turns into user mode.
    internal sealed unsafe class X64TaskContext : TaskContext
    {
        internal const int StackPages = 4;
        internal ulong StackBase;     // 0 for the boot task (it runs on the boot stack)
        internal ulong StackTop;
        internal ulong SavedRsp;
        internal ulong FsBase;
        internal SyscallFrame* Frame; // the syscall this task is in, if any
    }

    internal static unsafe class Tasks
    {
        private const uint FsBaseMsr = 0xc0000100;

        [DllImport("*", EntryPoint = "x64_switch"), SuppressGCTransition]
        private static extern void SwitchStacks(ulong* saveRsp, ulong loadRsp);

        [DllImport("*", EntryPoint = "x64_fork_child_return_address"), SuppressGCTransition]
        private static extern ulong ForkChildReturn();

        internal static SyscallFrame* CurrentFrame;
        private static ulong s_bootAddressSpace;

        internal static TaskContext Boot()
        {
            s_bootAddressSpace = Paging.BootAddressSpace;
            return new X64TaskContext();
        }

        // A kernel stack whose first switch returns to user mode with `frame`.
        internal static X64TaskContext? New(in SyscallFrame frame)
        {
            ulong stack = X64Platform.AllocateKernelPages(X64TaskContext.StackPages);
            if (stack == 0) return null;
            var task = new X64TaskContext { StackBase = stack, StackTop = stack + X64TaskContext.StackPages * 4096UL };
            SyscallFrame* userFrame = (SyscallFrame*)(task.StackTop - (ulong)sizeof(SyscallFrame));
            *userFrame = frame;
            ulong* switchFrame = (ulong*)userFrame - 7;
            for (int i = 0; i < 6; i++) switchFrame[i] = 0;  // r15 r14 r13 r12 rbx rbp
            switchFrame[6] = ForkChildReturn();
            task.SavedRsp = (ulong)switchFrame;
            task.Frame = userFrame;
            return task;
        }

        internal static X64TaskContext? NewUser(ulong entry, ulong stack)
        {
            SyscallFrame frame = default;
            frame.Rip = entry;
            frame.Rsp = stack;
            frame.Rflags = 0x202;
            return New(frame);
        }

        internal static X64TaskContext? ForkCurrent()
        {
            SyscallFrame frame = *CurrentFrame;
            frame.Rax = 0; // the child's fork() returns 0
            X64TaskContext? child = New(frame);
            if (child is not null) child.FsBase = Native.Rdmsr(FsBaseMsr);
            return child;
        }

        internal static void Switch(X64TaskContext from, X64TaskContext to, ulong addressSpace)
        {
            from.FsBase = Native.Rdmsr(FsBaseMsr);
            from.Frame = CurrentFrame;
            Paging.SwitchAddressSpace(addressSpace != 0 ? addressSpace : s_bootAddressSpace);
            if (to.StackTop != 0)
            {
                SyscallEntry.SetKernelStack(to.StackTop);
                Native.Wrmsr(FsBaseMsr, to.FsBase);
            }
            CurrentFrame = to.Frame;
            fixed (ulong* save = &from.SavedRsp) SwitchStacks(save, to.SavedRsp);
        }

        internal static void SetUserReturn(ulong entry, ulong stack)
        {
            SyscallFrame* f = CurrentFrame;
            *f = default;
            f->Rip = entry;
            f->Rsp = stack;
            f->Rflags = 0x202;
        }
    }
}
