using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // poll(2): waits until a descriptor is ready or the timeout (milliseconds,
    // negative: forever) ends. A negative fd is skipped; one not open is POLLNVAL.
    public static class Poll
    {
        private const short POLLNVAL = 0x20, POLLERR = 8, POLLHUP = 0x10;
        private const uint MaxFds = 1024;

        [Syscall(SyscallNumber.Poll)]
        public static SyscallResult Handle(UserPtr<byte> fds, uint nfds, int timeout)
        {
            return Wait(fds, nfds, Deadline(timeout));
        }

        // A timeout in milliseconds (negative: none) as the deadline the waits
        // take: milliseconds since boot, long.MaxValue for none.
        internal static long Deadline(int timeout) =>
            timeout < 0 ? long.MaxValue : (long)(KernelHost.Platform.NanosecondsSinceBoot / 1000000) + timeout;

        // deadline: milliseconds since boot, long.MaxValue for none.
        internal static SyscallResult Wait(UserPtr<byte> fds, uint nfds, long deadline)
        {
            if (nfds > MaxFds) return Errno.EINVAL;
            byte[] table = new byte[nfds * Pollfd.Size];
            if (nfds > 0 && !UserMemory.Read(fds, table)) return Errno.EFAULT;
            while (true)
            {
                int ready = 0;
                for (int i = 0; i < nfds; i++)
                {
                    var entry = new Pollfd(table.AsSpan(i * Pollfd.Size, Pollfd.Size));
                    short revents = 0;
                    if (entry.fd >= 0)
                    {
                        OpenFile? file = FileTable.Current.Get(entry.fd);
                        if (file is null) revents = POLLNVAL;
                        else revents = (short)(file.Inode.Poll(file) & (entry.events | POLLERR | POLLHUP));
                    }
                    entry.revents = revents;
                    if (revents != 0) ready++;
                }
                long now = (long)(KernelHost.Platform.NanosecondsSinceBoot / 1000000);
                if (ready > 0 || now >= deadline)
                {
                    bool copied = nfds == 0 || UserMemory.Write(fds, table);
                    Runtime.ObjectAllocator.Free(table);
                    return copied ? ready : Errno.EFAULT;
                }
                if (Signals.Interrupted)
                {
                    Runtime.ObjectAllocator.Free(table);
                    return Signals.ERESTARTNOHAND;
                }
                Poller.Wait();
            }
        }
    }
}
