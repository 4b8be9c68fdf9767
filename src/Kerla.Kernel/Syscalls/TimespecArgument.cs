using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // A struct timespec argument (a timeout, a sleep): EFAULT if unreadable,
    // EINVAL if negative or its nanoseconds are out of range. Seconds past 2^32
    // (136 years) are taken as 2^32, so the nanosecond total cannot overflow.
    public static class TimespecArgument
    {
        public static Errno Read(UserPtr<byte> pointer, out ulong nanoseconds)
        {
            nanoseconds = 0;
            Span<byte> bytes = stackalloc byte[Timespec.Size];
            if (!UserMemory.Read(pointer, bytes)) return Errno.EFAULT;
            var ts = new Timespec(bytes);
            if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return Errno.EINVAL;
            nanoseconds = (ulong)Math.Min(ts.tv_sec, 1L << 32) * 1000000000 + (ulong)ts.tv_nsec;
            return 0;
        }
    }
}
