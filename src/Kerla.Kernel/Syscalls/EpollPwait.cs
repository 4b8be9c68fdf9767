using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // epoll_pwait(2): epoll_wait with the signal mask `sigmask` while waiting.
    public static class EpollPwait
    {
        [Syscall(SyscallNumber.EpollPwait)]
        public static SyscallResult Handle(Fd epfd, UserPtr<byte> events, int maxevents, int timeout, UserPtr<byte> sigmask, nuint sigsetsize)
        {
            return WithMask(epfd, events, maxevents, Poll.Deadline(timeout), sigmask, sigsetsize);
        }

        internal static SyscallResult WithMask(Fd epfd, UserPtr<byte> events, int maxevents, long deadline, UserPtr<byte> sigmask, nuint sigsetsize)
        {
            if (!sigmask.IsNull)
            {
                Errno e = Signals.ReadMask(sigmask, sigsetsize, out ulong mask);
                if (e != 0) return e;
                Signals.BeginTemporaryMask(mask);
            }
            SyscallResult result = EpollWait.Wait(epfd, events, maxevents, deadline);
            if (!sigmask.IsNull) Signals.EndTemporaryMask(result.Raw);
            return result;
        }
    }
}
