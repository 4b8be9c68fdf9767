namespace Kerla.Kernel.Syscalls
{
    // gettid(2): one thread per process so far, so the thread ID is the process ID.
    public static class Gettid
    {
        [Syscall(SyscallNumber.Gettid)]
        public static SyscallResult Handle() => KernelHost.CurrentPid;
    }
}
