namespace Kerla.Kernel.Syscalls
{
    // epoll_create(2): the size is a hint, but must be positive.
    public static class EpollCreate
    {
        [Syscall(SyscallNumber.EpollCreate)]
        public static SyscallResult Handle(int size) => size <= 0 ? Errno.EINVAL : EpollCreate1.Handle(0);
    }
}
