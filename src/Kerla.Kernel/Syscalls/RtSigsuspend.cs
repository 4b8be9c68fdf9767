using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigsuspend(2): waits for a signal with `mask` blocked instead of the
    // current mask, which comes back once the handler has run. Returns EINTR.
    public static class RtSigsuspend
    {
        [Syscall(SyscallNumber.RtSigsuspend)]
        public static SyscallResult Handle(UserPtr<byte> mask, nuint sigsetsize)
        {
            Errno e = Signals.ReadMask(mask, sigsetsize, out ulong set);
            if (e != 0) return e;
            Signals.BeginTemporaryMask(set);
            while (!Signals.Interrupted) Scheduler.Block();
            return Signals.ERESTARTNOHAND;
        }
    }
}
