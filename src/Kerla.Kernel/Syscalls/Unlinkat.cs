using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // unlinkat(2): unlink(2), or rmdir(2) with AT_REMOVEDIR.
    public static class Unlinkat
    {
        public const int AT_REMOVEDIR = 0x200;

        [Syscall(SyscallNumber.Unlinkat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, int flags)
        {
            if ((flags & ~AT_REMOVEDIR) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            bool removeDirectory = (flags & AT_REMOVEDIR) != 0, trailingSlash = path.Length > 0 && path[path.Length - 1] == '/';
            e = Vfs.LookupParent(path, start!, out Inode? parent, out string name);
            FileHelpers.FreePath(path);
            if (e == 0) e = Remove(parent, name, removeDirectory, trailingSlash);
            Vfs.Drop(name);
            return e;
        }

        private static Errno Remove(Inode? parent, string name, bool removeDirectory, bool trailingSlash)
        {
            if (parent is null) return Errno.ENOENT;
            Inode? victim = parent.Lookup(name);
            // unlink("x/") names a directory: EISDIR if it is one, else ENOTDIR (a symlink to one too).
            if (trailingSlash && !removeDirectory) return victim is null ? Errno.ENOENT : victim.IsDirectory ? Errno.EISDIR : Errno.ENOTDIR;
            if (victim is not null)
            {
                if (Vfs.Covering(victim) != victim) return Errno.EBUSY; // something is mounted on it
                Errno e = Permissions.MayRemove(parent, victim);
                if (e != 0) return e;
            }
            return parent.Unlink(name, removeDirectory);
        }
    }
}
