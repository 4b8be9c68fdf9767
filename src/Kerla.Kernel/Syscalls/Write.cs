using System;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // write(2): through the descriptor's open file, in page-sized chunks so that
    // a bad page fails only its own bytes (Linux returns what was written before it).
    public static class Write
    {
        private const int Chunk = 2048;

        [Syscall(SyscallNumber.Write)]
        public static SyscallResult Handle(Fd fd, [TraceBuffer("count")] UserPtr<byte> buffer, nuint count)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null || !file.CanWrite) return Errno.EBADF;
            if ((file.Flags & OpenFile.O_APPEND) != 0) file.Offset = file.Inode.Size;
            Span<byte> chunk = stackalloc byte[Chunk];
            // Up to PIPE_BUF bytes to anything but a file go in one piece: pipe
            // writes that size are atomic, and an eventfd, /dev/kmsg or a
            // /proc/sys setting takes a write as one value.
            if (file.Inode.Type != FileType.Regular && count <= PipeBuf)
            {
                byte[]? large = count > Chunk ? new byte[count] : null;
                Span<byte> whole = large ?? chunk.Slice(0, (int)count);
                // A buffer that is not all readable goes piece by piece below (what can be written is).
                long n = UserMemory.Read(buffer, whole) ? file.Inode.Write(file, file.Offset, whole) : long.MinValue;
                if (large is not null) Runtime.ObjectAllocator.Free(large);
                if (n != long.MinValue) return n < 0 ? (Errno)(-n) : n;
            }
            ulong written = 0;
            while (written < count)
            {
                ulong address = buffer.Address + written;
                ulong toPageEnd = 4096 - (address & 4095);
                ulong remaining = count - written;
                int length = (int)Math.Min(Math.Min(remaining, toPageEnd), (ulong)Chunk);
                if (!UserMemory.Read(new UserPtr<byte>(address), chunk.Slice(0, length)))
                    return written == 0 ? Errno.EFAULT : (long)written;
                long n = file.Inode.Write(file, file.Offset, chunk.Slice(0, length));
                if (n < 0) return written == 0 ? (Errno)(-n) : (long)written;
                file.Advance(n);
                written += (ulong)n;
                Permissions.WrittenBy(file.Inode);
                if (n < length) break;
            }
            return (long)written;
        }

        private const int PipeBuf = 4096;
    }
}
