namespace Kerla.Kernel.Syscalls
{
    // exit(2): ends the calling thread; with one thread per process, the process.
    public static class Exit
    {
        [Syscall(SyscallNumber.Exit)]
        public static SyscallResult Handle(int status)
        {
            Process.UserProcess.ExitCurrent((status & 0xff) << 8);
            return 0;
        }
    }
}
