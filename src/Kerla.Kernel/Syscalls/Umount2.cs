using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // umount2(2): detaches the filesystem mounted at `target`. Files still
    // open in it stay usable, as with MNT_DETACH.
    public static class Umount2
    {
        private const int MNT_FORCE = 1, MNT_DETACH = 2, MNT_EXPIRE = 4, UMOUNT_NOFOLLOW = 8;

        [Syscall(SyscallNumber.Umount2)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> target, int flags)
        {
            UserProcess caller = UserProcess.Current!;
            if ((flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)) != 0) return Errno.EINVAL;
            if (!caller.Credentials.IsPrivileged) return Errno.EPERM;
            Errno e = FileHelpers.ReadPath(target, out string path);
            if (e != 0) return e;
            e = Vfs.Lookup(path, caller.Cwd, (flags & UMOUNT_NOFOLLOW) == 0, out Inode? root);
            FileHelpers.FreePath(path);
            if (e != 0) return e;
            return Vfs.RemoveMount(root!);
        }
    }
}
