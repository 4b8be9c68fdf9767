using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // lseek(2): SEEK_SET, SEEK_CUR, SEEK_END; the console cannot seek (ESPIPE).
    public static class Lseek
    {
        public enum Whence { SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2 }

        [Syscall(SyscallNumber.Lseek)]
        public static SyscallResult Handle(Fd fd, long offset, Whence whence)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            if (file.Inode.Type == FileType.CharDevice || file.Inode.Type == FileType.Fifo) return Errno.ESPIPE;
            long position = whence switch
            {
                Whence.SEEK_SET => offset,
                Whence.SEEK_CUR => file.Offset + offset,
                Whence.SEEK_END => file.Inode.Size + offset,
                _ => -1,
            };
            if (whence > Whence.SEEK_END || position < 0) return Errno.EINVAL;
            file.Offset = position;
            return position;
        }
    }
}
