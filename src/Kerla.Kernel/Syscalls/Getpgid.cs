using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getpgid(2): the process group of a process (0: the caller).
    public static class Getpgid
    {
        [Syscall(SyscallNumber.Getpgid)]
        public static SyscallResult Handle(int pid)
        {
            UserProcess? process = pid == 0 ? UserProcess.Current : ProcessTree.Find(pid);
            return process is null ? Errno.ESRCH : process.Pgid;
        }
    }
}
