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
            if (e != 0) return e;
            Credentials credentials = UserProcess.Current?.Credentials ?? new Credentials();
            uint id = (flags & AT_EACCESS) != 0 ? credentials.Euid : credentials.Uid;
            if (id == 0)
                return (mode & X_OK) != 0 && !inode!.IsDirectory && (inode.Mode & 0x49) == 0 ? Errno.EACCES : 0;
            uint bits = inode!.Uid == id ? (inode.Mode >> 6) & 7 : inode.Gid == credentials.Gid ? (inode.Mode >> 3) & 7 : inode.Mode & 7;
            return ((uint)mode & ~bits) == 0 ? 0 : Errno.EACCES;
        }
    }
}
