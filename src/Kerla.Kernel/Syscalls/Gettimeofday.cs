using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // gettimeofday(2): CLOCK_REALTIME in microseconds; the timezone is UTC.
    public static class Gettimeofday
    {
        [Syscall(SyscallNumber.Gettimeofday)]
        public static SyscallResult Handle(UserPtr<byte> tv, UserPtr<byte> tz)
        {
            ClockGettime.Now(ClockGettime.CLOCK_REALTIME, out ulong nanoseconds);
            if (!tv.IsNull)
            {
                Span<byte> bytes = stackalloc byte[Timeval.Size];
                var t = new Timeval(bytes);
                t.tv_sec = (long)(nanoseconds / 1000000000);
                t.tv_usec = (long)(nanoseconds / 1000 % 1000000);
                if (!UserMemory.Write(tv, bytes)) return Errno.EFAULT;
            }
            if (!tz.IsNull)
            {
                Span<byte> zone = stackalloc byte[8]; // struct timezone: minutes west, DST type
                zone.Clear();
                if (!UserMemory.Write(tz, zone)) return Errno.EFAULT;
            }
            return 0;
        }
    }
}
