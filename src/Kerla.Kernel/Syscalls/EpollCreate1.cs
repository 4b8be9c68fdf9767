using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // epoll_create1(2): a new epoll instance; EPOLL_CLOEXEC is the only flag.
    public static class EpollCreate1
    {
        [Syscall(SyscallNumber.EpollCreate1)]
        public static SyscallResult Handle(int flags)
        {
            if ((flags & ~OpenFile.O_CLOEXEC) != 0) return Errno.EINVAL;
            return FileHelpers.Install(new OpenFile(new EventPoll(), OpenFile.O_RDWR), flags != 0);
        }
    }
}
