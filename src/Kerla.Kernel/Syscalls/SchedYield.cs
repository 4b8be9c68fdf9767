namespace Kerla.Kernel.Syscalls
{
    // sched_yield(2): with one runnable task there is nobody to yield to.
    public static class SchedYield
    {
        [Syscall(SyscallNumber.SchedYield)]
        public static SyscallResult Handle() => 0;
    }
}
