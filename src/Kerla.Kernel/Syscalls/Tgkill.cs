using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // tgkill(2): a signal to thread `tid` of process `tgid` (raise(3) uses it).
    public static class Tgkill
    {
        [Syscall(SyscallNumber.Tgkill)]
        public static SyscallResult Handle(int tgid, int tid, int sig)
        {
            if (tgid <= 0 || tid <= 0 || (sig != 0 && !Signals.IsValid(sig))) return Errno.EINVAL;
            UserProcess? target = ProcessTree.Find(tid);
            return Kill.SendTo(target is not null && target.Pid == tgid ? target : null, UserProcess.Current!, sig, Signals.SI_TKILL);
        }
    }
}
