using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigtimedwait(2): takes a pending signal of `set` without running its
    // handler, waiting for one (up to `timeout`: EAGAIN) if none is pending. The
    // set is unblocked while waiting; another signal that arrives ends the wait
    // with EINTR.
    public static class RtSigtimedwait
    {
        [Syscall(SyscallNumber.RtSigtimedwait)]
        public static SyscallResult Handle(UserPtr<byte> set, UserPtr<byte> info, UserPtr<byte> timeout, nuint sigsetsize)
        {
            Errno e = Signals.ReadMask(set, sigsetsize, out ulong mask);
            if (e != 0) return e;
            mask &= ~Signals.Unblockable;
            ulong deadline = ulong.MaxValue;
            bool poll = false;
            if (!timeout.IsNull)
            {
                e = TimespecArgument.Read(timeout, out ulong length);
                if (e != 0) return e;
                poll = length == 0;
                deadline = KernelHost.Platform.NanosecondsSinceBoot + length;
            }
            UserProcess process = UserProcess.Current!;
            int signal = Signals.Take(process, mask, out SignalInfo taken);
            if (signal == 0 && !poll)
            {
                ulong blocked = process.BlockedSignals;
                process.BlockedSignals &= ~mask;
                while (signal == 0 && !Signals.Interrupted)
                {
                    if (deadline == ulong.MaxValue) Scheduler.Block();
                    else if (Timer.SleepUntil(deadline)) break;
                }
                process.BlockedSignals = blocked;
                signal = Signals.Take(process, mask, out taken);
                if (signal == 0 && Signals.Interrupted) return Errno.EINTR;
            }
            if (signal == 0) return Errno.EAGAIN;
            if (!info.IsNull)
            {
                Span<byte> bytes = stackalloc byte[Siginfo.Size];
                SignalFrame.WriteSiginfo(bytes, signal, taken);
                if (!UserMemory.Write(info, bytes)) return Errno.EFAULT;
            }
            return signal;
        }
    }
}
