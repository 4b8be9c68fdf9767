using System;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // read(2): from the descriptor's open file at its offset.
    public static class Read
    {
        private const int Chunk = 2048;

        [Syscall(SyscallNumber.Read)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> buffer, nuint count)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null || !file.CanRead) return Errno.EBADF;
            if (file.Inode.IsDirectory) return Errno.EISDIR;
            if (file.Inode.Type == FileType.Regular)
            {
                // Files copy straight to the caller.
                long read = file.Inode.ReadToUser(file, file.Offset, buffer.Address, (long)Math.Min(count, (ulong)int.MaxValue));
                if (read < 0) return (Errno)(-read);
                file.Offset += read;
                return read;
            }
            Span<byte> chunk = stackalloc byte[Chunk];
            ulong done = 0;
            while (done < count)
            {
                int length = (int)Math.Min(count - done, (ulong)Chunk);
                long n = file.Inode.Read(file, file.Offset, chunk.Slice(0, length));
                if (n < 0) return done == 0 ? (Errno)(-n) : (long)done;
                if (n == 0) break;
                if (!UserMemory.Write(new UserPtr<byte>(buffer.Address + done), chunk.Slice(0, (int)n)))
                    return done == 0 ? Errno.EFAULT : (long)done;
                file.Advance(n);
                done += (ulong)n;
                // Only a regular file goes on: a pipe or terminal returns what it had.
                // Files give all that was asked; a pipe what it holds without waiting
                // again; a terminal one line (or what raw mode has).
                if (n < length) break;
                if (file.Inode.Type == FileType.Fifo ? file.Inode.Queued == 0 : !file.Inode.FillsReads) break;
            }
            return (long)done;
        }
    }
}
