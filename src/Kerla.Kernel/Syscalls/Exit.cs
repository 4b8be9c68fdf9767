namespace Kerla.Kernel.Syscalls
{
    // exit(2): ends the calling thread; with one thread, the process.
    public static class Exit
    {
        [Syscall(SyscallNumber.Exit)]
        public static SyscallResult Handle(int status)
        {
            Process.Init.Exit(status);
            return 0;
        }
    }
}
