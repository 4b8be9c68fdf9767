using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // setsid(2): the caller leads a new session and a new process group, both
    // named by its PID, with no controlling terminal. A process group leader cannot (EPERM): its group would
    // span two sessions.
    public static class Setsid
    {
        [Syscall(SyscallNumber.Setsid)]
        public static SyscallResult Handle()
        {
            UserProcess caller = UserProcess.Current!;
            if (ProcessTree.GroupExists(caller.Pid, -1)) return Errno.EPERM;
            caller.Sid = caller.Pgid = caller.Pid;
            caller.HasControllingTty = false;
            return caller.Pid;
        }
    }
}
