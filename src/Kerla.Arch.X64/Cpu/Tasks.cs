using System.Runtime.InteropServices;
using Kerla.Arch.X64.Interrupts;
using Kerla.Arch.X64.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Arch.X64.Cpu
{
    // A task's kernel stack and what a switch saves. The stack holds, when the
    // task is switched out, the callee-saved registers and a return address on
    // top (asm/context.asm). Its top is the TrapFrame of the user mode it
    // entered the kernel from (syscall, interrupt or exception alike), with the
    // user's SSE state right below; a new task's stack starts out that way and
    // x64_fork_child_return turns it into user mode.
    internal sealed unsafe class X64TaskContext : TaskContext
    {
        internal const int StackPages = 4;
        internal ulong StackBase;     // 0 for the boot task (it runs on the boot stack)
        internal ulong StackTop;
        internal ulong SavedRsp;
        internal ulong FsBase;
        // In a syscall whose entry saved only xmm0-xmm15 (asm/syscall.asm): the
        // x87 and MXCSR part of UserFpuState is still in the CPU.
        internal bool FpuPartial;

        internal TrapFrame* UserFrame => (TrapFrame*)(StackTop - (ulong)sizeof(TrapFrame));
        internal byte* UserFpuState => (byte*)UserFrame - FpuStateSize;
        internal const int FpuStateSize = 512;
    }

    internal static unsafe class Tasks
    {
        private const uint FsBaseMsr = 0xc0000100;
        internal const ulong UserCode = 0x23, UserData = 0x1b;
        // RFLAGS: IF and the always-one bit 1.
        internal const ulong UserFlags = 0x202;

        [DllImport("*", EntryPoint = "x64_switch"), SuppressGCTransition]
        private static extern void SwitchStacks(ulong* saveRsp, ulong loadRsp);

        [DllImport("*", EntryPoint = "x64_fork_child_return_address"), SuppressGCTransition]
        private static extern ulong ForkChildReturn();

        private static X64TaskContext? s_current;
        private static ulong s_bootAddressSpace;

        // The user registers of the running task.
        internal static TrapFrame* CurrentFrame => s_current!.UserFrame;

        // The running task's whole user FPU image (completed if its syscall
        // entry saved only the SSE registers).
        internal static byte* CurrentFpuState
        {
            get
            {
                CompleteFpuState(s_current!);
                return s_current!.UserFpuState;
            }
        }

        internal static void EnterSyscall() => s_current!.FpuPartial = true;
        internal static void EnterTrapFromUser() { if (s_current is not null) s_current.FpuPartial = false; }

        // The x87 and MXCSR part, which the kernel never changes, comes from the
        // CPU; the SSE registers saved at entry stay as they are.
        private static void CompleteFpuState(X64TaskContext task)
        {
            if (!task.FpuPartial) return;
            byte* buffer = stackalloc byte[X64TaskContext.FpuStateSize + 16];
            byte* aligned = (byte*)(((ulong)buffer + 15) & ~15UL);
            Native.Fxsave(aligned);
            byte* state = task.UserFpuState;
            for (int i = 0; i < 160; i++) state[i] = aligned[i];
            task.FpuPartial = false;
        }

        internal static TaskContext Boot()
        {
            s_bootAddressSpace = Paging.BootAddressSpace;
            return new X64TaskContext();
        }

        // A kernel stack whose first switch returns to user mode with `frame`
        // and the SSE state `fpu` (512 bytes).
        internal static X64TaskContext? New(in TrapFrame frame, byte* fpu)
        {
            ulong stack = X64Platform.AllocateKernelPages(X64TaskContext.StackPages);
            if (stack == 0) return null;
            var task = new X64TaskContext { StackBase = stack, StackTop = stack + X64TaskContext.StackPages * 4096UL };
            *task.UserFrame = frame;
            byte* state = task.UserFpuState;
            for (int i = 0; i < X64TaskContext.FpuStateSize; i++) state[i] = fpu[i];
            ulong* switchFrame = (ulong*)state - 7;
            for (int i = 0; i < 6; i++) switchFrame[i] = 0;  // r15 r14 r13 r12 rbx rbp
            switchFrame[6] = ForkChildReturn();
            task.SavedRsp = (ulong)switchFrame;
            return task;
        }

        internal static X64TaskContext? NewUser(ulong entry, ulong stack)
        {
            TrapFrame frame = default;
            SetEntry(&frame, entry, stack);
            byte* fpu = stackalloc byte[X64TaskContext.FpuStateSize];
            InitialFpuState(fpu);
            return New(frame, fpu);
        }

        internal static X64TaskContext? ForkCurrent()
        {
            TrapFrame frame = *CurrentFrame;
            frame.Rax = 0; // the child's fork() returns 0
            X64TaskContext? child = New(frame, CurrentFpuState);
            if (child is not null) child.FsBase = Native.Rdmsr(FsBaseMsr);
            return child;
        }

        internal static void Switch(X64TaskContext from, X64TaskContext to, ulong addressSpace)
        {
            from.FsBase = Native.Rdmsr(FsBaseMsr);
            // Another task's user code will run with the CPU's x87 and MXCSR: keep
            // this one's in its image, and load the whole image on its return.
            if (from.FpuPartial)
            {
                CompleteFpuState(from);
                from.UserFrame->ErrorCode = SyscallMarker;
            }
            Paging.SwitchAddressSpace(addressSpace != 0 ? addressSpace : s_bootAddressSpace);
            if (to.StackTop != 0)
            {
                SyscallEntry.SetKernelStack(to.StackTop);
                Native.Wrmsr(FsBaseMsr, to.FsBase);
            }
            s_current = to;
            fixed (ulong* save = &from.SavedRsp) SwitchStacks(save, to.SavedRsp);
        }

        // execve: the new program starts with clean registers and SSE state.
        internal static void SetUserReturn(ulong entry, ulong stack)
        {
            SetEntry(CurrentFrame, entry, stack);
            ResetUserFpuState();
        }

        // The running task's user FPU image starts over (exec, a signal handler);
        // the return loads it whole, with every register.
        internal static void ResetUserFpuState()
        {
            InitialFpuState(s_current!.UserFpuState);
            s_current.FpuPartial = false;
            CurrentFrame->ErrorCode = SyscallMarker;
        }

        private static void SetEntry(TrapFrame* frame, ulong entry, ulong stack)
        {
            *frame = default;
            frame->Rip = entry;
            frame->Cs = UserCode;
            frame->Rflags = UserFlags;
            frame->Rsp = stack;
            frame->Ss = UserData;
        }

        internal static void GetUserRegisters(out UserRegisters r)
        {
            TrapFrame* f = CurrentFrame;
            r = new UserRegisters
            {
                R8 = f->R8, R9 = f->R9, R10 = f->R10, R11 = f->R11, R12 = f->R12, R13 = f->R13, R14 = f->R14, R15 = f->R15,
                Rdi = f->Rdi, Rsi = f->Rsi, Rbp = f->Rbp, Rbx = f->Rbx, Rdx = f->Rdx, Rax = f->Rax, Rcx = f->Rcx,
                Rsp = f->Rsp, Rip = f->Rip, Rflags = f->Rflags,
            };
        }

        // Flags user mode may set (Linux's FIX_EFLAGS): AC OF DF TF SF ZF AF PF CF RF.
        private const ulong UserChangeableFlags = 0x40dd5 | 0x10000;

        internal static void SetUserRegisters(in UserRegisters r)
        {
            TrapFrame* f = CurrentFrame;
            f->R8 = r.R8; f->R9 = r.R9; f->R10 = r.R10; f->R11 = r.R11; f->R12 = r.R12; f->R13 = r.R13; f->R14 = r.R14; f->R15 = r.R15;
            f->Rdi = r.Rdi; f->Rsi = r.Rsi; f->Rbp = r.Rbp; f->Rbx = r.Rbx; f->Rdx = r.Rdx; f->Rax = r.Rax; f->Rcx = r.Rcx;
            f->Rsp = r.Rsp; f->Rip = r.Rip;
            f->Rflags = UserFlags | (r.Rflags & UserChangeableFlags);
            f->Cs = UserCode;
            f->Ss = UserData;
            // A syscall returns through iretq now, restoring rcx and r11 too.
            f->ErrorCode = SyscallMarker;
        }

        // Nonzero in the error code slot: a syscall returns through iretq. A
        // fault's frame returns through iretq anyway, and its error code was
        // reported already.
        private const ulong SyscallMarker = 1;

        // The state FNINIT and a reset MXCSR give (what Linux starts programs
        // and signal handlers with): x87 control word 0x37f, MXCSR 0x1f80.
        internal static void InitialFpuState(byte* state)
        {
            for (int i = 0; i < X64TaskContext.FpuStateSize; i++) state[i] = 0;
            *(ushort*)state = 0x37f;
            *(uint*)(state + 24) = 0x1f80;
        }
    }
}
