namespace Kerla.Kernel.Syscalls
{
    // exit_group(2): ends every thread of the process.
    public static class ExitGroup
    {
        [Syscall(SyscallNumber.ExitGroup)]
        public static SyscallResult Handle(int status)
        {
            Process.UserProcess.ExitCurrent((status & 0xff) << 8);
            return 0;
        }
    }
}
