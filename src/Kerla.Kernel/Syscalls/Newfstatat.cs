using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // newfstatat(2): stat(2) and lstat(2) relative to a directory descriptor;
    // with AT_EMPTY_PATH and "" it is fstat of the descriptor.
    public static class Newfstatat
    {
        [Syscall(SyscallNumber.Newfstatat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> statbuf, int flags)
        {
            Errno e = FileHelpers.ReadPath(pathname, out string path);
            if (e != 0) return e;
            if (path.Length == 0)
            {
                if ((flags & FileHelpers.AT_EMPTY_PATH) == 0) return Errno.ENOENT;
                if (dirfd == FileHelpers.AT_FDCWD) return FileHelpers.Stat(Process.UserProcess.Current?.Cwd ?? Vfs.Root!, statbuf);
                return Fstat.Handle(new Fd(dirfd), statbuf);
            }
            e = FileHelpers.StartDirectory(path[0] == '/' ? FileHelpers.AT_FDCWD : dirfd, out Inode? start);
            if (e != 0) return e;
            e = Vfs.Lookup(path, start!, (flags & FileHelpers.AT_SYMLINK_NOFOLLOW) == 0, out Inode? inode);
            return e != 0 ? e : FileHelpers.Stat(inode!, statbuf);
        }
    }
}
