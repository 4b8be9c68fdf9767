namespace Kerla.Kernel.Syscalls
{
    // epoll_pwait2(2): epoll_pwait with a timespec timeout (NULL: forever).
    public static class EpollPwait2
    {
        [Syscall(SyscallNumber.EpollPwait2)]
        public static SyscallResult Handle(Fd epfd, UserPtr<byte> events, int maxevents, UserPtr<byte> timeout, UserPtr<byte> sigmask, nuint sigsetsize)
        {
            long deadline = long.MaxValue;
            if (!timeout.IsNull)
            {
                Errno e = TimespecArgument.Read(timeout, out ulong nanoseconds);
                if (e != 0) return e;
                deadline = (long)((KernelHost.Platform.NanosecondsSinceBoot + nanoseconds) / 1000000);
            }
            return EpollPwait.WithMask(epfd, events, maxevents, deadline, sigmask, sigsetsize);
        }
    }
}
