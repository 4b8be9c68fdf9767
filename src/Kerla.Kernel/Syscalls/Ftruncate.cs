using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // ftruncate(2): truncate(2) through a descriptor open for writing.
    public static class Ftruncate
    {
        [Syscall(SyscallNumber.Ftruncate)]
        public static SyscallResult Handle(Fd fd, long length)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            if (length < 0 || !file.CanWrite || file.Inode.Type != FileType.Regular) return Errno.EINVAL;
            return file.Inode.Truncate(length);
        }
    }
}
