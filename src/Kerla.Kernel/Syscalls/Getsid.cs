using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getsid(2): the session of a process (0: the caller).
    public static class Getsid
    {
        [Syscall(SyscallNumber.Getsid)]
        public static SyscallResult Handle(int pid)
        {
            UserProcess? process = pid == 0 ? UserProcess.Current : ProcessTree.Find(pid);
            return process is null ? Errno.ESRCH : process.Sid;
        }
    }
}
