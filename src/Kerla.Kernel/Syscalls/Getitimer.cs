using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getitimer(2): the time left on a timer and its reload interval.
    public static class Getitimer
    {
        [Syscall(SyscallNumber.Getitimer)]
        public static SyscallResult Handle(int which, UserPtr<byte> currValue)
        {
            if (which < Setitimer.ITIMER_REAL || which > Setitimer.ITIMER_PROF) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[Itimerval.Size];
            Read(which, bytes);
            return UserMemory.Write(currValue, bytes) ? 0 : Errno.EFAULT;
        }

        internal static void Read(int which, Span<byte> bytes)
        {
            UserProcess process = UserProcess.Current!;
            ulong value, interval;
            switch (which)
            {
                case Setitimer.ITIMER_REAL:
                    ulong now = KernelHost.Platform.NanosecondsSinceBoot;
                    value = process.RealTimerDeadline == 0 ? 0 : process.RealTimerDeadline > now ? process.RealTimerDeadline - now : 1000;
                    interval = process.RealTimerInterval;
                    break;
                case Setitimer.ITIMER_VIRTUAL:
                    value = process.VirtualTimerLeft;
                    interval = process.VirtualTimerInterval;
                    break;
                default:
                    value = process.ProfTimerLeft;
                    interval = process.ProfTimerInterval;
                    break;
            }
            bytes.Clear();
            var itimer = new Itimerval(bytes);
            FromNanoseconds(itimer.it_value, value);
            FromNanoseconds(itimer.it_interval, interval);
        }

        // A timeval to nanoseconds; false when tv_usec is out of range.
        internal static bool ToNanoseconds(Timeval tv, out ulong nanoseconds)
        {
            nanoseconds = 0;
            if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000) return false;
            nanoseconds = (ulong)Math.Min(tv.tv_sec, 1L << 32) * 1000000000 + (ulong)tv.tv_usec * 1000;
            return true;
        }

        private static void FromNanoseconds(Timeval tv, ulong nanoseconds)
        {
            // Round up, as Linux does, so a running timer never reads as zero.
            ulong micros = (nanoseconds + 999) / 1000;
            tv.tv_sec = (long)(micros / 1000000);
            tv.tv_usec = (long)(micros % 1000000);
        }
    }
}
