using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // clock_gettime(2): CLOCK_REALTIME (the RTC at boot plus the time since),
    // CLOCK_MONOTONIC and CLOCK_BOOTTIME (time since boot; nothing suspends yet),
    // their _COARSE and _RAW forms, and the CPU-time clocks of the process and
    // thread (the same until threads exist; sampled on timer ticks).
    public static class ClockGettime
    {
        public const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;

        [Syscall(SyscallNumber.ClockGettime)]
        public static SyscallResult Handle(int clock, UserPtr<byte> tp)
        {
            if (!Now(clock, out ulong nanoseconds)) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[Timespec.Size];
            var ts = new Timespec(bytes);
            ts.tv_sec = (long)(nanoseconds / 1000000000);
            ts.tv_nsec = (long)(nanoseconds % 1000000000);
            return UserMemory.Write(tp, bytes) ? 0 : Errno.EFAULT;
        }

        internal static bool Now(int clock, out ulong nanoseconds)
        {
            Platform platform = KernelHost.Platform;
            ulong sinceBoot = platform.NanosecondsSinceBoot;
            switch (clock)
            {
                case CLOCK_REALTIME:
                case CLOCK_REALTIME_COARSE:
                    nanoseconds = platform.BootRealTime * 1000000000 + sinceBoot;
                    return true;
                case CLOCK_MONOTONIC:
                case CLOCK_MONOTONIC_RAW:
                case CLOCK_MONOTONIC_COARSE:
                case CLOCK_BOOTTIME:
                    nanoseconds = sinceBoot;
                    return true;
                case CLOCK_PROCESS_CPUTIME_ID:
                case CLOCK_THREAD_CPUTIME_ID:
                    Process.UserProcess? process = Process.UserProcess.Current;
                    nanoseconds = process is null ? 0 : process.Cpu.User + process.Cpu.System;
                    return true;
                default:
                    nanoseconds = 0;
                    return false;
            }
        }
    }
}
