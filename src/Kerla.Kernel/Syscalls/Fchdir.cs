using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // fchdir(2).
    public static class Fchdir
    {
        [Syscall(SyscallNumber.Fchdir)]
        public static SyscallResult Handle(Fd fd)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            if (!file.Inode.IsDirectory) return Errno.ENOTDIR;
            Errno e = Permissions.Check(file.Inode, Permissions.MAY_EXEC);
            if (e != 0) return e;
            UserProcess.Current!.Cwd = file.Inode;
            return 0;
        }
    }
}
