using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // epoll_ctl(2): EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, with Linux's
    // errors in Linux's order.
    public static class EpollCtl
    {
        public enum Op { EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3 }

        [Syscall(SyscallNumber.EpollCtl)]
        public static SyscallResult Handle(Fd epfd, Op op, Fd fd, UserPtr<byte> eventPointer)
        {
            Span<byte> bytes = stackalloc byte[EpollEvent.Size];
            if (op != Op.EPOLL_CTL_DEL && !UserMemory.Read(eventPointer, bytes)) return Errno.EFAULT;
            var request = new EpollEvent(bytes);
            FileTable table = FileTable.Current;
            OpenFile? epollFile = table.Get(epfd.Number), target = table.Get(fd.Number);
            if (epollFile is null || target is null || ((epollFile.Flags | target.Flags) & OpenFile.O_PATH) != 0) return Errno.EBADF;
            if (!target.Inode.Pollable) return Errno.EPERM;
            if (epollFile == target || epollFile.Inode is not EventPoll epoll) return Errno.EINVAL;
            // EPOLLEXCLUSIVE is for adding, and not with one-shot or an epoll target.
            if (op != Op.EPOLL_CTL_DEL && (request.events & EventPoll.EPOLLEXCLUSIVE) != 0 &&
                (op == Op.EPOLL_CTL_MOD || (request.events & EventPoll.EPOLLONESHOT) != 0 || target.Inode is EventPoll))
                return Errno.EINVAL;
            return op switch
            {
                Op.EPOLL_CTL_ADD => epoll.Add(target, fd.Number, request.events, request.data),
                Op.EPOLL_CTL_MOD => epoll.Modify(target, fd.Number, request.events, request.data),
                Op.EPOLL_CTL_DEL => epoll.Remove(target, fd.Number),
                _ => Errno.EINVAL,
            };
        }
    }
}
