using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // clock_nanosleep(2): relative, or absolute with TIMER_ABSTIME, on the
    // realtime, monotonic or boot-time clock. A signal ends it early (EINTR,
    // with the time left in `remain` when relative).
    public static class ClockNanosleep
    {
        private const int TIMER_ABSTIME = 1;

        [Syscall(SyscallNumber.ClockNanosleep)]
        public static SyscallResult Handle(int clock, int flags, UserPtr<byte> request, UserPtr<byte> remain)
        {
            if ((flags & ~TIMER_ABSTIME) != 0) return Errno.EINVAL;
            if (!ClockGettime.Now(clock, out ulong now) || clock == ClockGettime.CLOCK_THREAD_CPUTIME_ID) return Errno.EINVAL;
            // Linux can sleep until the other threads have used the CPU time asked
            // for; with one thread per process that is never.
            if (clock == ClockGettime.CLOCK_PROCESS_CPUTIME_ID) return Errno.EOPNOTSUPP;
            Errno e = TimespecArgument.Read(request, out ulong length);
            if (e != 0) return e;
            // Sleep on the monotonic clock for the interval the request means.
            ulong interval = (flags & TIMER_ABSTIME) != 0 ? (length > now ? length - now : 0) : length;
            ulong deadline = KernelHost.Platform.NanosecondsSinceBoot + interval;
            if (Process.Timer.SleepUntil(deadline)) return 0;
            // A signal: an absolute sleep is simply called again; a relative one
            // tells what was left.
            if ((flags & TIMER_ABSTIME) != 0) return Process.Signals.ERESTARTNOHAND;
            if (!remain.IsNull)
            {
                ulong woke = KernelHost.Platform.NanosecondsSinceBoot;
                ulong left = deadline > woke ? deadline - woke : 0;
                Span<byte> bytes = stackalloc byte[Timespec.Size];
                var ts = new Timespec(bytes);
                ts.tv_sec = (long)(left / 1000000000);
                ts.tv_nsec = (long)(left % 1000000000);
                if (!UserMemory.Write(remain, bytes)) return Errno.EFAULT;
            }
            return Process.Signals.ERESTART_RESTARTBLOCK;
        }
    }
}
