using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // kill(2): pid > 0 is that process, 0 the caller's process group, -1 every
    // process but init and the caller, < -1 the group -pid. Signal 0 only checks
    // that the target exists and may be signalled.
    public static class Kill
    {
        [Syscall(SyscallNumber.Kill)]
        public static SyscallResult Handle(int pid, int sig)
        {
            if (sig != 0 && !Signals.IsValid(sig)) return Errno.EINVAL;
            UserProcess sender = UserProcess.Current!;
            if (pid > 0) return SendTo(ProcessTree.Find(pid), sender, sig, Signals.SI_USER);
            if (pid == int.MinValue) return Errno.ESRCH;
            int group = pid == 0 ? sender.Pgid : -pid;
            int found = 0, sent = 0;
            SendAll(Init.Process, sender, sig, pid == -1 ? -1 : group, ref found, ref sent);
            if (found == 0) return Errno.ESRCH;
            return sent > 0 ? 0 : Errno.EPERM;
        }

        // To one process: ESRCH if it does not exist, EPERM if the sender may not signal it.
        internal static SyscallResult SendTo(UserProcess? target, UserProcess sender, int sig, int code)
        {
            if (target is null) return Errno.ESRCH;
            if (!MaySignal(sender, target, sig)) return Errno.EPERM;
            if (sig != 0) Signals.Send(target, sig, Signals.FromProcess(code, sender));
            return 0;
        }

        // group -1: everyone but init and the sender.
        private static void SendAll(UserProcess? process, UserProcess sender, int sig, int group, ref int found, ref int sent)
        {
            if (process is null) return;
            bool matches = group == -1 ? process.Pid != Init.Pid && process != sender : process.Pgid == group;
            if (matches)
            {
                found++;
                if (MaySignal(sender, process, sig))
                {
                    sent++;
                    if (sig != 0) Signals.Send(process, sig, Signals.FromProcess(Signals.SI_USER, sender));
                }
            }
            foreach (UserProcess? child in process.Children) SendAll(child, sender, sig, group, ref found, ref sent);
        }

        // Root may signal anyone; others a process whose real or saved user ID is
        // their real or effective one, and SIGCONT anywhere in their session.
        private static bool MaySignal(UserProcess sender, UserProcess target, int sig)
        {
            Credentials s = sender.Credentials, t = target.Credentials;
            if (s.IsPrivileged) return true;
            if (sig == Signals.SIGCONT && sender.Sid == target.Sid) return true;
            return s.Uid == t.Uid || s.Uid == t.Suid || s.Euid == t.Uid || s.Euid == t.Suid;
        }
    }
}
