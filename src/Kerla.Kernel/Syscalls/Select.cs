using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // select(2): waits until a descriptor in one of the fd_sets is ready or the
    // timeout ends. Unlike poll, a descriptor that is not open is EBADF. As on
    // Linux, the timeval is updated with the time not slept.
    public static class Select
    {
        private const int POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLERR = 8, POLLHUP = 0x10;

        [Syscall(SyscallNumber.Select)]
        public static SyscallResult Handle(int nfds, UserPtr<byte> readfds, UserPtr<byte> writefds, UserPtr<byte> exceptfds, UserPtr<byte> timeout)
        {
            long deadline = long.MaxValue;
            Span<byte> bytes = stackalloc byte[Timeval.Size];
            if (!timeout.IsNull)
            {
                if (!UserMemory.Read(timeout, bytes)) return Errno.EFAULT;
                var tv = new Timeval(bytes);
                if (tv.tv_sec < 0 || tv.tv_usec < 0) return Errno.EINVAL;
                // Microseconds past a second carry over, as Linux allows.
                deadline = Now + Math.Min(tv.tv_sec, 1L << 32) * 1000000000 + Math.Min(tv.tv_usec, 1L << 32) * 1000;
            }
            SyscallResult result = Wait(nfds, readfds, writefds, exceptfds, deadline);
            if (!timeout.IsNull)
            {
                long left = Math.Max(0, deadline - Now);
                var tv = new Timeval(bytes);
                tv.tv_sec = left / 1000000000;
                tv.tv_usec = left % 1000000000 / 1000;
                UserMemory.Write(timeout, bytes); // a failed update does not change the result, as on Linux
            }
            return result;
        }

        internal static long Now => (long)KernelHost.Platform.NanosecondsSinceBoot;

        // deadline: nanoseconds since boot, long.MaxValue for none.
        internal static SyscallResult Wait(int nfds, UserPtr<byte> readfds, UserPtr<byte> writefds, UserPtr<byte> exceptfds, long deadline)
        {
            if (nfds < 0) return Errno.EINVAL;
            if (nfds > FileTable.Max) nfds = FileTable.Max; // no descriptor lies beyond the table
            int size = (nfds + 63) / 64 * 8; // fd_set is read in longs
            // In sets, then out sets: read, write, except.
            byte[] sets = new byte[size * 6];
            Errno e = ReadSet(readfds, sets.AsSpan(0, size));
            if (e == 0) e = ReadSet(writefds, sets.AsSpan(size, size));
            if (e == 0) e = ReadSet(exceptfds, sets.AsSpan(2 * size, size));
            while (e == 0)
            {
                sets.AsSpan(3 * size).Clear();
                int ready = 0;
                for (int fd = 0; fd < nfds && e == 0; fd++)
                {
                    int wanted = Bit(sets, 0, fd) | Bit(sets, size, fd) << 1 | Bit(sets, 2 * size, fd) << 2;
                    if (wanted == 0) continue;
                    OpenFile? file = FileTable.Current.Get(fd);
                    if (file is null)
                    {
                        e = Errno.EBADF;
                        break;
                    }
                    int events = file.Inode.Poll(file);
                    if ((wanted & 1) != 0 && (events & (POLLIN | POLLHUP | POLLERR)) != 0) ready += Set(sets, 3 * size, fd);
                    if ((wanted & 2) != 0 && (events & (POLLOUT | POLLERR)) != 0) ready += Set(sets, 4 * size, fd);
                    if ((wanted & 4) != 0 && (events & POLLPRI) != 0) ready += Set(sets, 5 * size, fd);
                }
                if (e != 0) break;
                if (ready > 0 || Now >= deadline)
                {
                    if (!WriteSet(readfds, sets.AsSpan(3 * size, size)) || !WriteSet(writefds, sets.AsSpan(4 * size, size))
                        || !WriteSet(exceptfds, sets.AsSpan(5 * size, size)))
                        e = Errno.EFAULT;
                    Runtime.ObjectAllocator.Free(sets);
                    return e != 0 ? e : ready;
                }
                if (Signals.Interrupted)
                {
                    Runtime.ObjectAllocator.Free(sets);
                    return Signals.ERESTARTNOHAND;
                }
                Poller.Wait();
            }
            Runtime.ObjectAllocator.Free(sets);
            return e;
        }

        private static Errno ReadSet(UserPtr<byte> set, Span<byte> destination) =>
            set.IsNull || destination.Length == 0 || UserMemory.Read(set, destination) ? 0 : Errno.EFAULT;

        private static bool WriteSet(UserPtr<byte> set, ReadOnlySpan<byte> source) =>
            set.IsNull || source.Length == 0 || UserMemory.Write(set, source);

        private static int Bit(byte[] sets, int offset, int fd) => (sets[offset + fd / 8] >> (fd % 8)) & 1;

        private static int Set(byte[] sets, int offset, int fd)
        {
            sets[offset + fd / 8] |= (byte)(1 << (fd % 8));
            return 1;
        }
    }
}
