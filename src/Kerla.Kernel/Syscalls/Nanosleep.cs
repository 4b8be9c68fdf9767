namespace Kerla.Kernel.Syscalls
{
    // nanosleep(2): clock_nanosleep on CLOCK_MONOTONIC, relative.
    public static class Nanosleep
    {
        [Syscall(SyscallNumber.Nanosleep)]
        public static SyscallResult Handle(UserPtr<byte> request, UserPtr<byte> remain) =>
            ClockNanosleep.Handle(ClockGettime.CLOCK_MONOTONIC, 0, request, remain);
    }
}
