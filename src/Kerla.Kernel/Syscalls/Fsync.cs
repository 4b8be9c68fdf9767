using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fsync(2): a file's data is in memory already, so there is nothing to
    // write; EINVAL for what cannot be synced (pipes, terminals), as Linux.
    public static class Fsync
    {
        [Syscall(SyscallNumber.Fsync)]
        public static SyscallResult Handle(Fd fd) => Check(fd);

        internal static SyscallResult Check(Fd fd)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            return file.Inode.Type == FileType.Regular || file.Inode.IsDirectory ? 0 : Errno.EINVAL;
        }
    }
}
