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
            if (e != 0)
            {
                Vfs.Drop(oldName);
                return e;
            }
            e = Parent(newdirfd, newpath, out Inode? newParent, out string newName, out bool newSlash);
            if (e == 0) e = Rename(oldParent!, oldName, oldSlash, newParent!, newName, newSlash, flags);
            // The directory copies a name it keeps.
            Vfs.Drop(oldName);
            Vfs.Drop(newName);
            return e;
        }

        private static Errno Rename(Inode oldParent, string oldName, bool oldSlash, Inode newParent, string newName, bool newSlash, uint flags)
        {
            // A trailing slash promises a directory.
            Inode? source = oldParent.Lookup(oldName);
            if (source is not null && !source.IsDirectory && (oldSlash || newSlash)) return Errno.ENOTDIR;
            if (newParent.Dev != oldParent.Dev) return Errno.EXDEV;
            Inode? target = newParent.Lookup(newName);
            if ((source is not null && Vfs.Covering(source) != source) || (target is not null && Vfs.Covering(target) != target)) return Errno.EBUSY;
            Errno e = MayRename(oldParent, source, newParent, target);
            if (e != 0) return e;
            return oldParent.Rename(oldName, newParent, newName, flags);
        }

        // As Linux's vfs_rename: the source may leave its directory, the target
        // may be replaced (or made), and a directory moving elsewhere must be
        // writable (its ".." changes).
        private static Errno MayRename(Inode oldParent, Inode? source, Inode newParent, Inode? target)
        {
            if (source is null) return 0; // ENOENT, from the rename itself
            Errno e = Permissions.MayRemove(oldParent, source);
            if (e == 0) e = target is null ? Permissions.MayChange(newParent) : Permissions.MayRemove(newParent, target);
            if (e == 0 && source.IsDirectory && newParent != oldParent) e = Permissions.Check(source, Permissions.MAY_WRITE);
            return e;
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
            FileHelpers.FreePath(path);
            if (e == 0 && parent is null) e = Errno.ENOENT;
            return e;
        }
    }
}
