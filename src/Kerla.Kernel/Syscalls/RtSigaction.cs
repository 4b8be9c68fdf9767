using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigaction(2): a signal's disposition (SIG_DFL, SIG_IGN or a handler with
    // its flags, restorer and mask). SIGKILL and SIGSTOP keep theirs. Setting a
    // signal to be ignored discards it if pending, as POSIX asks.
    public static class RtSigaction
    {
        // The flags Linux keeps (and reports back); others are dropped.
        private const ulong KnownFlags = Signals.SA_NOCLDSTOP | Signals.SA_NOCLDWAIT | Signals.SA_SIGINFO | Signals.SA_RESTORER |
            Signals.SA_ONSTACK | Signals.SA_RESTART | Signals.SA_NODEFER | Signals.SA_RESETHAND;

        [Syscall(SyscallNumber.RtSigaction)]
        public static SyscallResult Handle(int sig, UserPtr<byte> act, UserPtr<byte> oldact, nuint sigsetsize)
        {
            if (sigsetsize != 8) return Errno.EINVAL;
            if (!Signals.IsValid(sig) || (!act.IsNull && (sig == Signals.SIGKILL || sig == Signals.SIGSTOP))) return Errno.EINVAL;
            UserProcess process = UserProcess.Current!;
            SignalActions actions = process.Actions;
            Span<byte> bytes = stackalloc byte[KernelSigaction.Size];
            Span<byte> old = stackalloc byte[KernelSigaction.Size];
            old.Clear();
            var previous = new KernelSigaction(old);
            previous.sa_handler = actions.Handler[sig];
            previous.sa_flags = actions.Flags[sig];
            previous.sa_restorer = actions.Restorer[sig];
            previous.sa_mask = actions.Mask[sig];
            if (!act.IsNull)
            {
                if (!UserMemory.Read(act, bytes)) return Errno.EFAULT;
                var action = new KernelSigaction(bytes);
                actions.Handler[sig] = action.sa_handler;
                actions.Flags[sig] = action.sa_flags & KnownFlags;
                actions.Restorer[sig] = action.sa_restorer;
                actions.Mask[sig] = action.sa_mask & ~Signals.Unblockable;
                if (Signals.IsIgnoredAction(sig, action.sa_handler)) process.PendingSignals &= ~Signals.Bit(sig);
            }
            if (!oldact.IsNull && !UserMemory.Write(oldact, old)) return Errno.EFAULT;
            return 0;
        }
    }
}
