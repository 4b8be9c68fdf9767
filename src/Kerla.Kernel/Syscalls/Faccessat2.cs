using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // faccessat2(2): may the caller read, write or execute the file? Root may do
    // anything, except execute a file that has no execute bit at all.
    public static class Faccessat2
    {
        private const int R_OK = 4, W_OK = 2, X_OK = 1, AT_EACCESS = 0x200;

        [Syscall(SyscallNumber.Faccessat2)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, int mode, int flags)
        {
            if ((mode & ~7) != 0 || (flags & ~(AT_EACCESS | FileHelpers.AT_SYMLINK_NOFOLLOW | FileHelpers.AT_EMPTY_PATH)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            e = Vfs.Lookup(path, start!, (flags & FileHelpers.AT_SYMLINK_NOFOLLOW) == 0, out Inode? inode);
            FileHelpers.FreePath(path);
            if (e != 0) return e;
            if (UserProcess.Current?.Credentials is not Credentials c) return 0;
            // access(2) asks with the real user and group, AT_EACCESS with the effective ones.
            bool effective = (flags & AT_EACCESS) != 0;
            return Permissions.Allowed(inode!, mode, effective ? c.Euid : c.Uid, effective ? c.Egid : c.Gid, c) ? 0 : Errno.EACCES;
        }
    }
}
