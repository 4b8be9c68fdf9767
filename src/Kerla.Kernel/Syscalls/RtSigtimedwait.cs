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
            if (!timeout.IsNull)
            {
                Span<byte> bytes = stackalloc byte[Timespec.Size];
                if (!UserMemory.Read(timeout, bytes)) return Errno.EFAULT;
                var ts = new Timespec(bytes);
                if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return Errno.EINVAL;
                deadline = KernelHost.Platform.NanosecondsSinceBoot + (ulong)Math.Min(ts.tv_sec, 1L << 32) * 1000000000 + (ulong)ts.tv_nsec;
            }
            UserProcess process = UserProcess.Current!;
            int signal = Signals.Take(process, mask, out SignalInfo taken);
            if (signal == 0 && deadline != KernelHost.Platform.NanosecondsSinceBoot)
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
