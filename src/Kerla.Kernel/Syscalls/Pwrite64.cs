using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // pwrite64(2): at an offset, leaving the file's offset alone.
    public static class Pwrite64
    {
        [Syscall(SyscallNumber.Pwrite64)]
        public static SyscallResult Handle(Fd fd, [TraceBuffer("count")] UserPtr<byte> buf, nuint count, long offset)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null || !file.CanWrite) return Errno.EBADF;
            if (offset < 0) return Errno.EINVAL;
            if (file.Inode.Type == FileType.CharDevice || file.Inode.Type == FileType.Fifo) return Errno.ESPIPE;
            // With O_APPEND Linux appends whatever the offset (pwrite(2), BUGS): so do we.
            long saved = file.Offset;
            file.Offset = offset;
            SyscallResult result = Write.Handle(fd, buf, count);
            file.Offset = saved;
            return result;
        }
    }
}
