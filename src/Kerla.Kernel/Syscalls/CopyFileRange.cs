using System;
using System.Buffers.Binary;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // copy_file_range(2): copies between regular files inside the kernel. An
    // offset pointer is read, used and written back (the file position stays);
    // without one the file position moves. Overlapping ranges of one file are
    // EINVAL, as are flags.
    public static class CopyFileRange
    {
        private const ulong MaxCount = 0x7ffff000; // Linux's limit for one transfer

        [Syscall(SyscallNumber.CopyFileRange)]
        public static SyscallResult Handle(Fd fdIn, UserPtr<byte> offIn, Fd fdOut, UserPtr<byte> offOut, nuint len, uint flags)
        {
            OpenFile? input = FileTable.Current.Get(fdIn.Number), output = FileTable.Current.Get(fdOut.Number);
            if (input is null || output is null) return Errno.EBADF;
            Span<byte> bytes = stackalloc byte[8];
            long from = input.Offset, to = output.Offset;
            if (!offIn.IsNull)
            {
                if (!UserMemory.Read(offIn, bytes)) return Errno.EFAULT;
                from = BinaryPrimitives.ReadInt64LittleEndian(bytes);
            }
            if (!offOut.IsNull)
            {
                if (!UserMemory.Read(offOut, bytes)) return Errno.EFAULT;
                to = BinaryPrimitives.ReadInt64LittleEndian(bytes);
            }
            if (flags != 0) return Errno.EINVAL;
            Inode source = input.Inode, target = output.Inode;
            if (source.IsDirectory || target.IsDirectory) return Errno.EISDIR;
            if (source.Type != FileType.Regular || target.Type != FileType.Regular) return Errno.EINVAL;
            if (!input.CanRead || !output.CanWrite || (output.Flags & OpenFile.O_APPEND) != 0) return Errno.EBADF;
            if (from < 0 || to < 0) return Errno.EINVAL;
            // What can be copied ends at the input's end.
            ulong count = Math.Min((ulong)len, MaxCount);
            count = from >= source.Size ? 0 : Math.Min(count, (ulong)(source.Size - from));
            if (source == target && to + (long)count > from && to < from + (long)count) return Errno.EINVAL;
            ulong done = Sendfile.Transfer(input, ref from, output, ref to, count, out Errno error);
            if (offIn.IsNull) input.Offset = from;
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes, from);
                if (!UserMemory.Write(offIn, bytes)) return Errno.EFAULT;
            }
            if (offOut.IsNull) output.Offset = to;
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes, to);
                if (!UserMemory.Write(offOut, bytes)) return Errno.EFAULT;
            }
            return done == 0 && error != 0 ? error : (long)done;
        }
    }
}
