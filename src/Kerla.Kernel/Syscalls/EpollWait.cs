using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // epoll_wait(2): waits until the instance has ready events or the timeout
    // (milliseconds, negative: forever) ends. A signal ends the wait with
    // EINTR, even under SA_RESTART, as on Linux.
    public static class EpollWait
    {
        [Syscall(SyscallNumber.EpollWait)]
        public static SyscallResult Handle(Fd epfd, UserPtr<byte> events, int maxevents, int timeout)
        {
            return Wait(epfd, events, maxevents, Poll.Deadline(timeout));
        }

        // deadline: milliseconds since boot, long.MaxValue for none.
        internal static SyscallResult Wait(Fd epfd, UserPtr<byte> events, int maxevents, long deadline)
        {
            if (maxevents <= 0 || maxevents > int.MaxValue / EpollEvent.Size) return Errno.EINVAL;
            OpenFile? file = FileTable.Current.Get(epfd.Number);
            if (file is null) return Errno.EBADF;
            if (file.Inode is not EventPoll epoll) return Errno.EINVAL;
            Span<byte> small = stackalloc byte[16 * EpollEvent.Size];
            while (true)
            {
                int capacity = Math.Min(maxevents, epoll.Count);
                if (capacity > 0)
                {
                    byte[]? large = capacity > 16 ? new byte[capacity * EpollEvent.Size] : null;
                    Span<byte> buffer = large ?? small;
                    int count = epoll.Collect(buffer, capacity);
                    bool copied = count == 0 || UserMemory.Write(events, buffer.Slice(0, count * EpollEvent.Size));
                    if (large is not null) Runtime.ObjectAllocator.Free(large);
                    if (count > 0) return copied ? count : Errno.EFAULT;
                }
                if ((long)(KernelHost.Platform.NanosecondsSinceBoot / 1000000) >= deadline) return 0;
                if (Signals.Interrupted) return Errno.EINTR;
                Poller.Wait();
            }
        }
    }
}
