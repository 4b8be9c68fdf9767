using System;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // pread64(2): at an offset, leaving the file's offset alone.
    public static class Pread64
    {
        [Syscall(SyscallNumber.Pread64)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> buf, nuint count, long offset)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null || !file.CanRead) return Errno.EBADF;
            if (offset < 0) return Errno.EINVAL;
            if (file.Inode.Type == FileType.CharDevice || file.Inode.Type == FileType.Fifo) return Errno.ESPIPE;
            long saved = file.Offset;
            file.Offset = offset;
            SyscallResult result = Read.Handle(fd, buf, count);
            file.Offset = saved;
            return result;
        }
    }
}
