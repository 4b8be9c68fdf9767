using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Process
{
    // x86_64's rt_sigframe, what a handler finds on its stack: the return
    // address (sa_restorer, which calls rt_sigreturn), the ucontext with the
    // interrupted registers and signal mask, the siginfo, and above them the
    // FXSAVE image of the FPU and SSE state.
    public static class SignalFrame
    {
        private const int UcontextOffset = 8;
        private const int SiginfoOffset = UcontextOffset + Ucontext.Size;
        private const int Size = SiginfoOffset + Siginfo.Size;
        private const int FpuSize = 512;
        private const int RedZone = 128;
        // uc_flags: the ss slot of sigcontext is meaningful.
        private const ulong UC_SIGCONTEXT_SS = 2, UC_STRICT_RESTORE_SS = 4;
        // Our user code and stack selectors, as the frame reports them.
        private const ushort UserCs = 0x23, UserSs = 0x1b;
        private const int MinSignalStack = 2048; // MINSIGSTKSZ

        // Whether `sp` is on the process's alternate signal stack.
        public static bool OnAltStack(UserProcess process, ulong sp) =>
            process.AltStackSize != 0 && sp > process.AltStackBase && sp - process.AltStackBase <= process.AltStackSize;

        // sigaltstack(2)'s ss_flags for the current state.
        public static int AltStackFlags(UserProcess process, ulong sp) =>
            (process.AltStackSize == 0 ? Signals.SS_DISABLE : OnAltStack(process, sp) ? Signals.SS_ONSTACK : 0) | (int)process.AltStackAutoDisarm;

        // Builds the frame for `signal` and points the registers at its handler.
        // False if the frame cannot be written (the caller kills with SIGSEGV).
        public static bool Build(UserProcess process, int signal, in SignalInfo info, ref UserRegisters registers)
        {
            SignalActions actions = process.Actions;
            ulong flags = actions.Flags[signal];
            // x86_64 has no default return path from a handler: the C library's restorer is required.
            if ((flags & Signals.SA_RESTORER) == 0) return false;
            ulong sp = registers.Rsp;
            int stackFlags = AltStackFlags(process, sp);
            if ((flags & Signals.SA_ONSTACK) != 0 && process.AltStackSize != 0 && !OnAltStack(process, sp))
            {
                sp = process.AltStackBase + process.AltStackSize;
                if (process.AltStackAutoDisarm != 0) process.AltStackSize = process.AltStackBase = 0;
            }
            else sp -= RedZone;
            ulong fpstate = (sp - FpuSize) & ~63UL;
            // As if the handler had been called: rsp + 8 is 16-byte aligned.
            ulong frame = ((fpstate - Size) & ~15UL) - 8;

            Span<byte> bytes = stackalloc byte[Size];
            bytes.Clear();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, actions.Restorer[signal]);
            var uc = new Ucontext(bytes.Slice(UcontextOffset));
            uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
            StackT stack = uc.uc_stack;
            stack.ss_sp = process.AltStackBase;
            stack.ss_flags = stackFlags;
            stack.ss_size = process.AltStackSize;
            Sigcontext sc = uc.uc_mcontext;
            Save(sc, registers);
            sc.cs = UserCs;
            sc.ss = UserSs;
            if (info.IsFault)
            {
                sc.trapno = info.Trapno;
                sc.err = info.Error;
                if (signal == Signals.SIGSEGV || signal == Signals.SIGBUS) sc.cr2 = info.Address;
            }
            ulong oldMask = process.HasSavedMask ? process.SavedMask : process.BlockedSignals;
            sc.oldmask = oldMask;
            sc.fpstate = fpstate;
            uc.uc_sigmask = oldMask;
            WriteSiginfo(bytes.Slice(SiginfoOffset, Siginfo.Size), signal, info);

            Platform platform = KernelHost.Platform;
            if (!UserMemory.Write(new UserPtr<byte>(fpstate), platform.UserFpuState)) return false;
            if (!UserMemory.Write(new UserPtr<byte>(frame), bytes)) return false;

            registers.Rdi = (ulong)signal;
            registers.Rsi = frame + SiginfoOffset;
            registers.Rdx = frame + UcontextOffset;
            registers.Rax = 0;
            registers.Rip = actions.Handler[signal];
            registers.Rsp = frame;
            registers.Rflags &= ~(0x400UL | 0x100 | 0x10000); // DF, TF, RF
            platform.ResetUserFpuState();

            process.HasSavedMask = false;
            ulong blocked = process.BlockedSignals | actions.Mask[signal];
            if ((flags & Signals.SA_NODEFER) == 0) blocked |= Signals.Bit(signal);
            process.BlockedSignals = blocked & ~Signals.Unblockable;
            if ((flags & Signals.SA_RESETHAND) != 0)
            {
                actions.Handler[signal] = Signals.SIG_DFL;
                actions.Flags[signal] &= ~Signals.SA_SIGINFO;
            }
            return true;
        }

        // The siginfo union, as the kind of signal fills it.
        public static void WriteSiginfo(Span<byte> bytes, int signal, in SignalInfo info)
        {
            bytes.Clear();
            var si = new Siginfo(bytes);
            si.si_signo = signal;
            si.si_code = info.Code;
            if (info.IsFault)
            {
                si.si_addr = info.Address;
                return;
            }
            si.si_pid = info.Pid;
            si.si_uid = info.Uid;
            if (signal == Signals.SIGCHLD) si.si_status = info.Status;
        }

        // rt_sigreturn(2): the registers, FPU state, mask and alternate stack the
        // frame at `frame` saved. False if it cannot be read.
        public static bool Restore(UserProcess process, ulong frame, out UserRegisters registers)
        {
            registers = default;
            Span<byte> bytes = stackalloc byte[Ucontext.Size];
            if (!UserMemory.Read(new UserPtr<byte>(frame + UcontextOffset), bytes)) return false;
            var uc = new Ucontext(bytes);
            Sigcontext sc = uc.uc_mcontext;
            registers = Load(sc);
            Platform platform = KernelHost.Platform;
            if (sc.fpstate != 0)
            {
                Span<byte> fpu = platform.UserFpuState;
                // MXCSR bits the CPU does not have would fault FXRSTOR in the kernel.
                uint mxcsrMask = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(fpu.Slice(28));
                if (mxcsrMask == 0) mxcsrMask = 0xffbf;
                Span<byte> saved = stackalloc byte[FpuSize];
                if (!UserMemory.Read(new UserPtr<byte>(sc.fpstate), saved)) return false;
                uint mxcsr = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(saved.Slice(24)) & mxcsrMask;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(saved.Slice(24), mxcsr);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(saved.Slice(28), mxcsrMask);
                saved.CopyTo(fpu);
            }
            else platform.ResetUserFpuState();
            process.BlockedSignals = uc.uc_sigmask & ~Signals.Unblockable;
            StackT stack = uc.uc_stack;
            // The alternate stack as it was; a bad one is ignored, as Linux does.
            SetAltStack(process, registers.Rsp, stack.ss_sp, stack.ss_flags, stack.ss_size);
            return true;
        }

        // sigaltstack(2)'s change: 0 or the errno.
        public static Errno SetAltStack(UserProcess process, ulong sp, ulong stackBase, int flags, ulong size)
        {
            if (OnAltStack(process, sp)) return Errno.EPERM;
            uint autoDisarm = (uint)flags & Signals.SS_AUTODISARM;
            int mode = (int)((uint)flags & ~Signals.SS_AUTODISARM);
            if (mode != 0 && mode != Signals.SS_ONSTACK && mode != Signals.SS_DISABLE) return Errno.EINVAL;
            if (mode == Signals.SS_DISABLE)
            {
                process.AltStackBase = process.AltStackSize = 0;
                process.AltStackAutoDisarm = 0;
                return 0;
            }
            if (size < MinSignalStack) return Errno.ENOMEM;
            process.AltStackBase = stackBase;
            process.AltStackSize = size;
            process.AltStackAutoDisarm = autoDisarm;
            return 0;
        }

        private static void Save(Sigcontext sc, in UserRegisters r)
        {
            sc.r8 = r.R8; sc.r9 = r.R9; sc.r10 = r.R10; sc.r11 = r.R11; sc.r12 = r.R12; sc.r13 = r.R13; sc.r14 = r.R14; sc.r15 = r.R15;
            sc.rdi = r.Rdi; sc.rsi = r.Rsi; sc.rbp = r.Rbp; sc.rbx = r.Rbx; sc.rdx = r.Rdx; sc.rax = r.Rax; sc.rcx = r.Rcx;
            sc.rsp = r.Rsp; sc.rip = r.Rip; sc.eflags = r.Rflags;
        }

        private static UserRegisters Load(Sigcontext sc) => new UserRegisters
        {
            R8 = sc.r8, R9 = sc.r9, R10 = sc.r10, R11 = sc.r11, R12 = sc.r12, R13 = sc.r13, R14 = sc.r14, R15 = sc.r15,
            Rdi = sc.rdi, Rsi = sc.rsi, Rbp = sc.rbp, Rbx = sc.rbx, Rdx = sc.rdx, Rax = sc.rax, Rcx = sc.rcx,
            Rsp = sc.rsp, Rip = sc.rip, Rflags = sc.eflags,
        };
    }
}
