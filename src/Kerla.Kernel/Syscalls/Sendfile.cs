using System;
using System.Buffers.Binary;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // sendfile(2): copies from a regular file to any writable descriptor inside
    // the kernel. With `offset` the input is read there and its file offset is
    // left alone; the offset after the copy is written back.
    public static class Sendfile
    {
        private const int Chunk = 4096;
        private const ulong MaxCount = 0x7ffff000; // Linux's limit for one transfer

        [Syscall(SyscallNumber.Sendfile)]
        public static SyscallResult Handle(Fd outFd, Fd inFd, UserPtr<byte> offset, nuint count)
        {
            OpenFile? input = FileTable.Current.Get(inFd.Number), output = FileTable.Current.Get(outFd.Number);
            if (input is null || !input.CanRead || output is null || !output.CanWrite) return Errno.EBADF;
            if (input.Inode.Type != FileType.Regular || (output.Flags & OpenFile.O_APPEND) != 0) return Errno.EINVAL;
            Span<byte> position = stackalloc byte[8];
            long at = input.Offset;
            if (!offset.IsNull)
            {
                if (!UserMemory.Read(offset, position)) return Errno.EFAULT;
                at = BinaryPrimitives.ReadInt64LittleEndian(position);
                if (at < 0) return Errno.EINVAL;
            }
            long to = output.Offset;
            ulong done = Transfer(input, ref at, output, ref to, Math.Min((ulong)count, MaxCount), out Errno error);
            output.Advance(to - output.Offset);
            if (offset.IsNull) input.Offset = at;
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(position, at);
                if (!UserMemory.Write(offset, position)) return Errno.EFAULT;
            }
            return done == 0 && error != 0 ? error : (long)done;
        }

        // Copies up to `total` bytes from `input` at `from` to `output` at `to`,
        // moving both; stops at the input's end or a short write. The error is
        // what ended the copy early, if anything did.
        internal static ulong Transfer(OpenFile input, ref long from, OpenFile output, ref long to, ulong total, out Errno error)
        {
            error = 0;
            ulong done = 0;
            Span<byte> chunk = stackalloc byte[Chunk];
            while (done < total)
            {
                long n = input.Inode.Read(input, from, chunk.Slice(0, (int)Math.Min(total - done, (ulong)Chunk)));
                if (n <= 0)
                {
                    if (n < 0) error = (Errno)(-n);
                    break;
                }
                long written = output.Inode.Write(output, to, chunk.Slice(0, (int)n));
                if (written < 0)
                {
                    error = (Errno)(-written);
                    break;
                }
                to += written;
                from += written;
                done += (ulong)written;
                if (written < n) break;
            }
            return done;
        }
    }
}
