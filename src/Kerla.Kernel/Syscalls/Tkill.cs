using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // tkill(2): a signal to one thread; each process has one, its ID the PID.
    public static class Tkill
    {
        [Syscall(SyscallNumber.Tkill)]
        public static SyscallResult Handle(int tid, int sig)
        {
            if (tid <= 0 || (sig != 0 && !Signals.IsValid(sig))) return Errno.EINVAL;
            return Kill.SendTo(ProcessTree.Find(tid), UserProcess.Current!, sig, Signals.SI_TKILL);
        }
    }
}
