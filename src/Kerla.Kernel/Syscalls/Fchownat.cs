using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // fchownat(2): chown(2) and lchown(2) relative to a directory descriptor,
    // with AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH. An ID of -1 stays as it is.
    public static class Fchownat
    {
        private const uint Unchanged = uint.MaxValue;
        private const uint S_ISUID = 0x800, S_ISGID = 0x400, S_IXGRP = 0x8;

        [Syscall(SyscallNumber.Fchownat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, uint owner, uint group, int flags)
        {
            if ((flags & ~(FileHelpers.AT_SYMLINK_NOFOLLOW | FileHelpers.AT_EMPTY_PATH)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.InodeAt(dirfd, pathname, flags, out Inode? inode);
            return e != 0 ? e : Change(inode!, owner, group);
        }

        // Root may give a file to anyone; its owner may only move it to a group
        // the owner is in (here: the effective group).
        internal static Errno Change(Inode inode, uint owner, uint group)
        {
            Credentials? credentials = UserProcess.Current?.Credentials;
            if (credentials is not null && !credentials.IsPrivileged)
            {
                bool isOwner = credentials.Euid == inode.Uid;
                if (owner != Unchanged && (!isOwner || owner != inode.Uid)) return Errno.EPERM;
                if (group != Unchanged && (!isOwner || group != inode.Gid && group != credentials.Egid)) return Errno.EPERM;
            }
            if (owner != Unchanged) inode.Uid = owner;
            if (group != Unchanged) inode.Gid = group;
            // A file changing hands stops granting its privileges: set-user-ID goes,
            // and set-group-ID where it means that (group execute set).
            if (!inode.IsDirectory)
            {
                uint mode = inode.Mode & ~S_ISUID;
                if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP)) mode &= ~S_ISGID;
                inode.Mode = mode;
            }
            inode.Ctime = KernelHost.RealTimeNanoseconds;
            return 0;
        }
    }
}
