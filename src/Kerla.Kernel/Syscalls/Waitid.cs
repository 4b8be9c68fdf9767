using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // waitid(2): wait4 with a siginfo answer (si_code CLD_EXITED, CLD_KILLED,
    // CLD_DUMPED, CLD_STOPPED or CLD_CONTINUED) and WNOWAIT, which leaves the
    // child waitable.
    public static class Waitid
    {
        private const int P_ALL = 0, P_PID = 1, P_PGID = 2;
        private const int WNOHANG = 1, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x1000000,
            __WNOTHREAD = 0x20000000, __WALL = 0x40000000, __WCLONE = unchecked((int)0x80000000);
        private const int SIGCHLD = 17, SIGCONT = 18, CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;

        [Syscall(SyscallNumber.Waitid)]
        public static SyscallResult Handle(int idtype, int id, UserPtr<byte> infop, int options, UserPtr<byte> rusage)
        {
            if ((options & ~(WNOHANG | WSTOPPED | WEXITED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WALL | __WCLONE)) != 0) return Errno.EINVAL;
            if ((options & (WEXITED | WSTOPPED | WCONTINUED)) == 0) return Errno.EINVAL;
            if (!(idtype == P_ALL || (idtype == P_PID && id > 0) || (idtype == P_PGID && id >= 0)))
                return Errno.EINVAL; // P_PIDFD too: no pidfd exists here
            UserProcess parent = UserProcess.Current!;
            if (idtype == P_PGID && id == 0) id = parent.Pgid;
            Span<byte> bytes = stackalloc byte[Siginfo.Size];
            bytes.Clear();
            while (true)
            {
                Wait4.ReapIgnored(parent);
                bool any = false;
                for (int i = 0; i < parent.Children.Length; i++)
                {
                    UserProcess? child = parent.Children[i];
                    if (child is null || (idtype == P_PID && child.Pid != id) || (idtype == P_PGID && child.Pgid != id)) continue;
                    any = true;
                    var info = new Siginfo(bytes);
                    int status = child.WaitStatus;
                    if (child.IsZombie && (options & WEXITED) != 0)
                    {
                        info.si_code = (status & 0x7f) == 0 ? CLD_EXITED : (status & 0x80) != 0 ? CLD_DUMPED : CLD_KILLED;
                        info.si_status = (status & 0x7f) == 0 ? (status >> 8) & 0xff : status & 0x7f;
                    }
                    else if (!child.IsZombie && (options & WSTOPPED) != 0 && child.StopReport != 0)
                    {
                        info.si_code = CLD_STOPPED;
                        info.si_status = child.StopReport;
                    }
                    else if (!child.IsZombie && (options & WCONTINUED) != 0 && child.ContinueReport)
                    {
                        info.si_code = CLD_CONTINUED;
                        info.si_status = SIGCONT;
                    }
                    else continue;
                    info.si_signo = SIGCHLD;
                    info.si_pid = child.Pid;
                    info.si_uid = child.Credentials.Uid;
                    if (!infop.IsNull && !UserMemory.Write(infop, bytes)) return Errno.EFAULT;
                    if (!rusage.IsNull && !Getrusage.Write(rusage, child.CpuWithReapedChildren)) return Errno.EFAULT;
                    if ((options & WNOWAIT) != 0) return 0;
                    if (child.IsZombie) Wait4.Reap(parent, child);
                    else if (info.si_code == CLD_STOPPED) child.StopReport = 0;
                    else child.ContinueReport = false;
                    return 0;
                }
                if (!any) return Errno.ECHILD;
                if ((options & WNOHANG) != 0)
                {
                    // Nothing waitable: Linux answers 0 with a zeroed siginfo.
                    return infop.IsNull || UserMemory.Write(infop, bytes) ? 0 : Errno.EFAULT;
                }
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                Scheduler.Block();
            }
        }
    }
}
