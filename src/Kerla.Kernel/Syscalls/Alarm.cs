using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // alarm(2): ITIMER_REAL once, in seconds (0 cancels); returns the seconds
    // that were left on the previous alarm, rounded to nearest, at least 1.
    public static class Alarm
    {
        [Syscall(SyscallNumber.Alarm)]
        public static SyscallResult Handle(uint seconds)
        {
            Span<byte> old = stackalloc byte[Itimerval.Size];
            Getitimer.Read(Setitimer.ITIMER_REAL, old);
            var previous = new Itimerval(old);
            Timeval value = previous.it_value;
            long left = value.tv_sec + (value.tv_usec >= 500000 ? 1 : 0);
            if (left == 0 && value.tv_usec != 0) left = 1;
            Setitimer.Set(UserProcess.Current!, Setitimer.ITIMER_REAL, (ulong)seconds * 1000000000, 0);
            return left;
        }
    }
}
