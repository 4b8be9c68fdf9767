namespace Kerla.Kernel.Syscalls
{
    // getpid(2): the calling process's ID.
    public static class Getpid
    {
        [Syscall(SyscallNumber.Getpid)]
        public static SyscallResult Handle() => KernelHost.CurrentPid;
    }
}
