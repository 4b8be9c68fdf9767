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
            e = Vfs.LookupParent(path, start!, out Inode? parent, out string name);
            if (e != 0) return e;
            if (parent is null) return Errno.ENOENT;
            if (name == ".") return Errno.EINVAL;
            if (parent.Lookup(name) is Inode victim)
            {
                e = Permissions.MayRemove(parent, victim);
                if (e != 0) return e;
            }
            return parent.Unlink(name, (flags & AT_REMOVEDIR) != 0);
        }
    }
}
