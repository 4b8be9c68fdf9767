namespace Kerla.Kernel.Syscalls
{
    // sched_yield(2): the next runnable task runs; the caller goes to the back.
    public static class SchedYield
    {
        [Syscall(SyscallNumber.SchedYield)]
        public static SyscallResult Handle()
        {
            Process.Scheduler.Schedule();
            return 0;
        }
    }
}
