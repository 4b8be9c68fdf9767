using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // chroot(2): absolute paths of the caller (and its children) start at
    // `path`, and ".." stops there. The working directory is left alone, as on
    // Linux. Root only.
    public static class Chroot
    {
        [Syscall(SyscallNumber.Chroot)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> path)
        {
            UserProcess caller = UserProcess.Current!;
            Errno e = FileHelpers.InodeAt(FileHelpers.AT_FDCWD, path, 0, out Inode? inode);
            if (e != 0) return e;
            if (!inode!.IsDirectory) return Errno.ENOTDIR;
            e = Permissions.Check(inode, Permissions.MAY_EXEC);
            if (e != 0) return e;
            if (!caller.Credentials.IsPrivileged) return Errno.EPERM;
            caller.Root = inode;
            return 0;
        }
    }
}
