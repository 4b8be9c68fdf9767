using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fallocate(2): mode 0 makes the range exist and grows the file,
    // FALLOC_FL_KEEP_SIZE only makes it exist, FALLOC_FL_PUNCH_HOLE (with
    // KEEP_SIZE) zeroes it. Collapsing, inserting and zeroing ranges are
    // EOPNOTSUPP, as on a filesystem without them.
    public static class Fallocate
    {
        private const int FALLOC_FL_KEEP_SIZE = 1, FALLOC_FL_PUNCH_HOLE = 2;

        [Syscall(SyscallNumber.Fallocate)]
        public static SyscallResult Handle(Fd fd, int mode, long offset, long len)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null || !file.CanWrite) return Errno.EBADF;
            if (offset < 0 || len <= 0) return Errno.EINVAL;
            if ((mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE)) != 0) return Errno.EOPNOTSUPP;
            bool punch = (mode & FALLOC_FL_PUNCH_HOLE) != 0;
            if (punch && (mode & FALLOC_FL_KEEP_SIZE) == 0) return Errno.EOPNOTSUPP;
            Inode inode = file.Inode;
            if (inode.Type == FileType.Fifo) return Errno.ESPIPE;
            if (inode.IsDirectory) return Errno.EISDIR;
            if (inode.Type != FileType.Regular) return Errno.ENODEV;
            return inode.Allocate(offset, len, (mode & FALLOC_FL_KEEP_SIZE) != 0, punch);
        }
    }
}
