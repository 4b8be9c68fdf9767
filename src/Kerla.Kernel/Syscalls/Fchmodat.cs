using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // fchmodat(2): chmod(2) relative to a directory descriptor. The syscall has
    // no flags argument (that is fchmodat2); symlinks are followed.
    public static class Fchmodat
    {
        private const uint S_ISGID = 0x400;

        [Syscall(SyscallNumber.Fchmodat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, uint mode)
        {
            Errno e = FileHelpers.InodeAt(dirfd, pathname, 0, out Inode? inode);
            return e != 0 ? e : Change(inode!, mode);
        }

        // Only the owner or root may change a mode; an owner outside the file's
        // group loses the set-group-ID bit, as on Linux.
        internal static Errno Change(Inode inode, uint mode)
        {
            Credentials? credentials = UserProcess.Current?.Credentials;
            if (credentials is not null && !credentials.IsPrivileged)
            {
                if (credentials.Euid != inode.Uid) return Errno.EPERM;
                if (credentials.Egid != inode.Gid) mode &= ~S_ISGID;
            }
            inode.Mode = (inode.Mode & 0xf000) | (mode & 0xfff);
            inode.Ctime = KernelHost.RealTimeNanoseconds;
            return 0;
        }
    }
}
