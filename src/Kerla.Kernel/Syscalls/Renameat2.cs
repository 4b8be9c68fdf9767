using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // renameat2(2): rename(2) and renameat(2) with RENAME_NOREPLACE and
    // RENAME_EXCHANGE. RENAME_WHITEOUT (for overlay filesystems) is EINVAL, as
    // on a filesystem that does not support it.
    public static class Renameat2
    {
        public const uint RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2;

        [Syscall(SyscallNumber.Renameat2)]
        public static SyscallResult Handle(int olddirfd, [TraceString] UserPtr<byte> oldpath, int newdirfd, [TraceString] UserPtr<byte> newpath, uint flags)
        {
            if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) != 0) return Errno.EINVAL;
            if (flags == (RENAME_NOREPLACE | RENAME_EXCHANGE)) return Errno.EINVAL;
            Errno e = Parent(olddirfd, oldpath, out Inode? oldParent, out string oldName, out bool oldSlash);
            if (e != 0) return e;
            e = Parent(newdirfd, newpath, out Inode? newParent, out string newName, out bool newSlash);
            if (e != 0) return e;
            // A trailing slash promises a directory.
            Inode? source = oldParent!.Lookup(oldName);
            if (source is not null && !source.IsDirectory && (oldSlash || newSlash)) return Errno.ENOTDIR;
            if (newParent!.Dev != oldParent.Dev) return Errno.EXDEV;
            return oldParent.Rename(oldName, newParent!, newName, flags);
        }

        private static Errno Parent(int dirfd, UserPtr<byte> pathname, out Inode? parent, out string name, out bool trailingSlash)
        {
            parent = null;
            name = "";
            trailingSlash = false;
            Errno e = FileHelpers.PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            trailingSlash = path.Length > 1 && path[path.Length - 1] == '/';
            e = Vfs.LookupParent(path, start!, out parent, out name);
            if (e == 0 && parent is null) e = Errno.ENOENT;
            return e;
        }
    }
}
