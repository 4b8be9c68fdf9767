using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // setpgid(2): moves the caller or one of its children (before it execs) to a
    // process group of the same session: a new one named by its PID, or one
    // that exists. Session leaders stay where they are.
    public static class Setpgid
    {
        [Syscall(SyscallNumber.Setpgid)]
        public static SyscallResult Handle(int pid, int pgid)
        {
            if (pgid < 0) return Errno.EINVAL;
            UserProcess caller = UserProcess.Current!;
            UserProcess? target = pid == 0 || pid == caller.Pid ? caller : ProcessTree.Find(pid);
            if (target is null || (target != caller && target.Parent != caller)) return Errno.ESRCH;
            if (target != caller)
            {
                if (target.Sid != caller.Sid) return Errno.EPERM;
                if (target.HasExeced) return Errno.EACCES;
            }
            if (target.Sid == target.Pid) return Errno.EPERM;
            if (pgid == 0) pgid = target.Pid;
            if (pgid != target.Pid && !ProcessTree.GroupExists(pgid, caller.Sid)) return Errno.EPERM;
            target.Pgid = pgid;
            return 0;
        }
    }
}
