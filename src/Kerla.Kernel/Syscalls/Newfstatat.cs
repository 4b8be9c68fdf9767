using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // newfstatat(2): stat(2) and lstat(2) relative to a directory descriptor;
    // with AT_EMPTY_PATH and "" it is fstat of the descriptor.
    public static class Newfstatat
    {
        // Accepted and without effect here: nothing mounts on demand, nothing is remote.
        private const int AT_NO_AUTOMOUNT = 0x800, AT_STATX_SYNC_TYPE = 0x6000;

        [Syscall(SyscallNumber.Newfstatat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> statbuf, int flags)
        {
            if ((flags & ~(FileHelpers.AT_SYMLINK_NOFOLLOW | FileHelpers.AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.InodeAt(dirfd, pathname, flags, out Inode? inode);
            return e != 0 ? e : FileHelpers.Stat(inode!, statbuf);
        }
    }
}
