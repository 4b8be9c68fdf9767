using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // clock_getres(2): the wall and monotonic clocks read the TSC (1 ns, as
    // Linux's high-resolution clocks report); the coarse clocks and the CPU-time
    // clocks move by timer ticks. The result may be NULL.
    public static class ClockGetres
    {
        [Syscall(SyscallNumber.ClockGetres)]
        public static SyscallResult Handle(int clock, UserPtr<byte> res)
        {
            if (!ClockGettime.Now(clock, out _)) return Errno.EINVAL;
            if (res.IsNull) return 0;
            bool byTicks = clock == ClockGettime.CLOCK_REALTIME_COARSE || clock == ClockGettime.CLOCK_MONOTONIC_COARSE
                || clock == ClockGettime.CLOCK_PROCESS_CPUTIME_ID || clock == ClockGettime.CLOCK_THREAD_CPUTIME_ID;
            Span<byte> bytes = stackalloc byte[Timespec.Size];
            var ts = new Timespec(bytes);
            ts.tv_sec = 0;
            ts.tv_nsec = byTicks ? 1000000000 / KernelHost.Platform.TimerHz : 1;
            return UserMemory.Write(res, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
