using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Process
{
    // What a pending signal carries into the siginfo a handler (or
    // rt_sigtimedwait) sees: who sent it, or the fault that raised it.
    public struct SignalInfo
    {
        public int Code;       // si_code: SI_USER, SI_KERNEL, CLD_*, SEGV_*, ...
        public int Pid;        // the sender, or the child for SIGCHLD
        public uint Uid;
        public int Status;     // SIGCHLD: exit code or signal
        public ulong Address;  // faults: si_addr
        public ulong Trapno, Error; // faults: the vector and error code for sigcontext
        public bool IsFault;
    }

    // The dispositions of rt_sigaction(2), per process: inherited by fork; exec
    // resets caught signals to the default and keeps ignored ones ignored.
    public sealed class SignalActions
    {
        public const int Count = 65;
        public readonly ulong[] Handler = new ulong[Count], Flags = new ulong[Count], Restorer = new ulong[Count], Mask = new ulong[Count];

        public SignalActions Clone()
        {
            var copy = new SignalActions();
            Array.Copy(Handler, copy.Handler, Count);
            Array.Copy(Flags, copy.Flags, Count);
            Array.Copy(Restorer, copy.Restorer, Count);
            Array.Copy(Mask, copy.Mask, Count);
            return copy;
        }

        public void ResetForExec()
        {
            for (int i = 0; i < Count; i++)
            {
                if (Handler[i] != Signals.SIG_IGN) Handler[i] = Signals.SIG_DFL;
                Flags[i] = Restorer[i] = Mask[i] = 0;
            }
        }

        public void Release()
        {
            Memory.KernelObjects.Free(Handler);
            Memory.KernelObjects.Free(Flags);
            Memory.KernelObjects.Free(Restorer);
            Memory.KernelObjects.Free(Mask);
        }
    }

    // signal(7): sending, the default actions, and delivery on the way back to
    // user mode, where a handler gets x86_64's rt_sigframe on its stack.
    public static class Signals
    {
        public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
            SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17,
            SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25,
            SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGSYS = 31, SIGRTMIN = 32, Max = 64;
        public const ulong SIG_DFL = 0, SIG_IGN = 1;
        public const ulong SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTORER = 0x04000000, SA_ONSTACK = 0x08000000,
            SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000;
        public const int SI_USER = 0, SI_KERNEL = 0x80, SI_TKILL = -6;
        public const int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;
        public const int SS_ONSTACK = 1, SS_DISABLE = 2;
        public const uint SS_AUTODISARM = 1U << 31;

        // What a syscall interrupted by a signal returns inside the kernel
        // (linux/errno.h): never seen by user space, which gets EINTR or a restart.
        public const long ERESTARTSYS = -512, ERESTARTNOINTR = -513, ERESTARTNOHAND = -514, ERESTART_RESTARTBLOCK = -516;

        public static ulong Bit(int signal) => 1UL << (signal - 1);

        public static readonly ulong Unblockable = Bit(SIGKILL) | Bit(SIGSTOP);
        private static readonly ulong StopSignals = Bit(SIGSTOP) | Bit(SIGTSTP) | Bit(SIGTTIN) | Bit(SIGTTOU);
        private static readonly ulong IgnoredByDefault = Bit(SIGCHLD) | Bit(SIGCONT) | Bit(SIGURG) | Bit(SIGWINCH);
        private static readonly ulong CoreByDefault = Bit(SIGQUIT) | Bit(SIGILL) | Bit(SIGTRAP) | Bit(SIGABRT) | Bit(SIGBUS) |
            Bit(SIGFPE) | Bit(SIGSEGV) | Bit(SIGXCPU) | Bit(SIGXFSZ) | Bit(SIGSYS);
        // Delivered before the others, as Linux does: the faults a program raised itself.
        private static readonly ulong Synchronous = Bit(SIGSEGV) | Bit(SIGBUS) | Bit(SIGILL) | Bit(SIGTRAP) | Bit(SIGFPE) | Bit(SIGSYS);

        public static bool IsValid(int signal) => signal >= 1 && signal <= Max;

        // One of the results an interrupted syscall returns inside the kernel.
        private static bool IsRestart(long result) => result <= ERESTARTSYS && result >= ERESTART_RESTARTBLOCK;
        public static bool IsStop(int signal) => (StopSignals & Bit(signal)) != 0;

        // Pending and not blocked: the current syscall should stop waiting.
        public static bool HasDeliverable(UserProcess process) => (process.PendingSignals & ~process.BlockedSignals) != 0;

        // For blocking syscalls: a signal wants the current process.
        public static bool Interrupted => UserProcess.Current is UserProcess p && HasDeliverable(p);

        // A signal that would be thrown away on arrival: ignored, explicitly or
        // by default, and not blocked (a blocked one waits: its handler may change).
        private static bool IsIgnored(UserProcess process, int signal) =>
            signal != SIGKILL && signal != SIGSTOP && (process.BlockedSignals & Bit(signal)) == 0 &&
            IsIgnoredAction(signal, process.Actions.Handler[signal]);

        // A disposition under which the signal is thrown away (for rt_sigaction).
        public static bool IsIgnoredAction(int signal, ulong handler) =>
            handler == SIG_IGN || (handler == SIG_DFL && (IgnoredByDefault & Bit(signal)) != 0);

        // Whether a fault signal would run a handler rather than kill.
        public static bool IsHandled(UserProcess process, int signal) =>
            process.Actions.Handler[signal] > SIG_IGN && (process.BlockedSignals & Bit(signal)) == 0;

        public static SignalInfo FromProcess(int code, UserProcess? sender) =>
            new SignalInfo { Code = code, Pid = sender?.Pid ?? 0, Uid = sender?.Credentials.Uid ?? 0 };

        // Makes `signal` pending for `target`, waking it if it may act on it. Runs
        // in interrupts too (the tty's ^C, timers): no allocation.
        public static void Send(UserProcess target, int signal, in SignalInfo info)
        {
            if (target.IsZombie) return;
            ulong bit = Bit(signal);
            if (signal == SIGKILL && target.Stopped) target.Stopped = false;
            if (signal == SIGCONT)
            {
                target.PendingSignals &= ~StopSignals;
                if (target.Stopped) Continue(target);
            }
            else if (IsStop(signal)) target.PendingSignals &= ~Bit(SIGCONT);
            if (IsIgnored(target, signal)) return;
            // init gets only the signals it has handlers for (and its own faults),
            // so that nothing kills it by accident.
            if (target.Pid == Init.Pid && target.Actions.Handler[signal] == SIG_DFL && !info.IsFault) return;
            // A standard signal is pending once however often it is sent (real-time
            // signals would queue; they are kept as one too, for now).
            if ((target.PendingSignals & bit) != 0) return;
            target.PendingSignals |= bit;
            target.PendingInfo[signal] = info;
            if ((target.BlockedSignals & bit) == 0 && target.Task is not null) Scheduler.Wake(target.Task);
        }

        // From the kernel to every process of a group (the terminal's ^C, SIGTTIN).
        public static void SendToGroup(int group, int signal) => SendToGroup(Init.Process, group, signal);

        private static void SendToGroup(UserProcess? process, int group, int signal)
        {
            if (process is null) return;
            if (process.Pgid == group) Send(process, signal, new SignalInfo { Code = SI_KERNEL });
            foreach (UserProcess? child in process.Children) SendToGroup(child, group, signal);
        }

        // A fault in the current program (from the trap handler): a handler that
        // is blocked or ignored cannot help, so the default action applies, as
        // Linux's force_sig_fault does.
        public static void Fault(int signal, int code, ulong address, ulong trapno, ulong error)
        {
            UserProcess process = UserProcess.Current!;
            ulong bit = Bit(signal);
            if ((process.BlockedSignals & bit) != 0 || process.Actions.Handler[signal] == SIG_IGN)
            {
                process.Actions.Handler[signal] = SIG_DFL;
                process.BlockedSignals &= ~bit;
            }
            process.PendingSignals &= ~bit;
            Send(process, signal, new SignalInfo { Code = code, Address = address, Trapno = trapno, Error = error, IsFault = true });
        }

        // SIGCHLD and a wake-up for the parent of `child`, which exited, stopped
        // or continued. A stop or continue raises no SIGCHLD under SA_NOCLDSTOP.
        public static void NotifyParent(UserProcess child, int code, int status)
        {
            UserProcess? parent = child.Parent;
            if (parent is null) return;
            bool quiet = (code == CLD_STOPPED || code == CLD_CONTINUED) && (parent.Actions.Flags[SIGCHLD] & SA_NOCLDSTOP) != 0;
            if (!quiet) Send(parent, SIGCHLD, new SignalInfo { Code = code, Pid = child.Pid, Uid = child.Credentials.Uid, Status = status });
            if (parent.Task is not null) Scheduler.Wake(parent.Task);
        }

        private static void Continue(UserProcess target)
        {
            target.Stopped = false;
            target.StopReport = 0;
            target.ContinueReport = true;
            NotifyParent(target, CLD_CONTINUED, SIGCONT);
            if (target.Task is not null) Scheduler.Wake(target.Task);
        }

        // The current process stops until SIGCONT or SIGKILL.
        private static void Stop(UserProcess process, int signal)
        {
            process.Stopped = true;
            process.StopReport = signal;
            process.ContinueReport = false;
            NotifyParent(process, CLD_STOPPED, signal);
            while (process.Stopped && (process.PendingSignals & Bit(SIGKILL)) == 0) Scheduler.Block();
            process.Stopped = false;
        }

        private static int Dequeue(UserProcess process, ulong allowed, out SignalInfo info)
        {
            ulong ready = process.PendingSignals & allowed;
            if ((ready & Synchronous) != 0) ready &= Synchronous;
            int signal = 1;
            while ((ready & Bit(signal)) == 0) signal++;
            process.PendingSignals &= ~Bit(signal);
            info = process.PendingInfo[signal];
            return signal;
        }

        // Takes a pending signal in `set` (for rt_sigtimedwait), 0 if none.
        public static int Take(UserProcess process, ulong set, out SignalInfo info)
        {
            info = default;
            return (process.PendingSignals & set) == 0 ? 0 : Dequeue(process, set, out info);
        }

        // A sigset_t argument: 8 bytes on x86_64.
        public static Errno ReadMask(UserPtr<byte> set, nuint size, out ulong mask)
        {
            mask = 0;
            if (size != 8) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[8];
            if (!UserMemory.Read(set, bytes)) return Errno.EFAULT;
            mask = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            return 0;
        }

        // rt_sigsuspend, ppoll, pselect6: wait with `mask` blocked instead.
        public static void BeginTemporaryMask(ulong mask)
        {
            UserProcess process = UserProcess.Current!;
            process.SavedMask = process.BlockedSignals;
            process.HasSavedMask = true;
            process.BlockedSignals = mask & ~Unblockable;
        }

        // After the wait: interrupted (EINTR too: epoll_pwait gives it directly),
        // the mask stays until the signal is delivered (ReturnToUser puts it
        // back); otherwise it goes back now.
        public static void EndTemporaryMask(long result)
        {
            if (IsRestart(result) || result == -(long)Errno.EINTR) return;
            UserProcess process = UserProcess.Current!;
            process.BlockedSignals = process.SavedMask;
            process.HasSavedMask = false;
        }

        // On every return to user mode (after a syscall: its number and result;
        // -1 after an interrupt or exception). Default actions happen here, and a
        // handler's frame is built; an interrupted syscall becomes EINTR or is
        // restarted. Nothing to do is the common case, and it is quick.
        public static void ReturnToUser(long syscall, long result)
        {
            UserProcess? process = UserProcess.Current;
            if (process is null) return;
            bool restart = syscall >= 0 && syscall != (long)SyscallNumber.RtSigreturn && IsRestart(result);
            if (!restart && !HasDeliverable(process) && !process.HasSavedMask) return;
            Platform platform = KernelHost.Platform;
            platform.GetUserRegisters(out UserRegisters registers);
            bool handled = false;
            while (HasDeliverable(process))
            {
                int signal = Dequeue(process, ~process.BlockedSignals, out SignalInfo info);
                ulong handler = process.Actions.Handler[signal];
                if (handler == SIG_IGN) continue;
                if (handler == SIG_DFL)
                {
                    ulong bit = Bit(signal);
                    if ((IgnoredByDefault & bit) != 0) continue;
                    if ((StopSignals & bit) != 0)
                    {
                        Stop(process, signal);
                        continue;
                    }
                    // Terminate; the core bit is set when Linux would dump core (a
                    // nonzero RLIMIT_CORE). No core file is written.
                    bool core = (CoreByDefault & bit) != 0 && process.Limits.Soft(Rlimits.RLIMIT_CORE) != 0;
                    UserProcess.ExitCurrent(signal | (core ? 0x80 : 0));
                }
                if (restart)
                {
                    // A handler runs first: SA_RESTART restarts what may be restarted.
                    bool again = result == ERESTARTNOINTR || (result == ERESTARTSYS && (process.Actions.Flags[signal] & SA_RESTART) != 0);
                    if (again) Rewind(ref registers, syscall);
                    else registers.Rax = unchecked((ulong)-(long)Errno.EINTR);
                    restart = false;
                }
                if (!SignalFrame.Build(process, signal, info, ref registers))
                {
                    // No room for the frame (a bad stack): the program dies of SIGSEGV.
                    Log.Warning(string.Concat(process.Name, "[", process.Pid.ToString(), "]: bad signal frame, killed by SIGSEGV"));
                    UserProcess.ExitCurrent(SIGSEGV);
                }
                handled = true;
            }
            // No handler ran: the interrupted syscall starts again, as if nothing happened.
            if (restart) Rewind(ref registers, syscall);
            if (process.HasSavedMask)
            {
                // rt_sigsuspend's (or ppoll's) mask ends; a handler's frame restores it instead.
                if (!handled) process.BlockedSignals = process.SavedMask;
                process.HasSavedMask = false;
            }
            if (handled || restart) platform.SetUserRegisters(registers);
        }

        // Back to the syscall instruction (2 bytes), with its number in rax again.
        private static void Rewind(ref UserRegisters registers, long syscall)
        {
            registers.Rax = (ulong)syscall;
            registers.Rip -= 2;
        }
    }
}
