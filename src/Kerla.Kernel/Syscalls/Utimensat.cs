using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // utimensat(2): a file's access and modification times (whole seconds are
    // kept). NULL times, or UTIME_NOW, is now; UTIME_OMIT leaves a time alone;
    // a NULL path is dirfd itself (futimens). Explicit times need the owner or
    // root (EPERM); "now" also suits whoever may write the file (EACCES).
    public static class Utimensat
    {
        private const long UTIME_NOW = 0x3fffffff, UTIME_OMIT = 0x3ffffffe;
        private const int AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;

        [Syscall(SyscallNumber.Utimensat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> times, int flags)
        {
            if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return Errno.EINVAL;
            Inode? inode;
            if (pathname.IsNull)
            {
                inode = dirfd == FileHelpers.AT_FDCWD ? null : FileTable.Current.Get(dirfd)?.Inode;
                if (inode is null) return dirfd == FileHelpers.AT_FDCWD ? Errno.EFAULT : Errno.EBADF;
            }
            else
            {
                Errno e = FileHelpers.InodeAt(dirfd, pathname, flags, out inode);
                if (e != 0) return e;
            }
            long atime = UTIME_NOW, mtime = UTIME_NOW, asec = 0, msec = 0;
            if (!times.IsNull)
            {
                Span<byte> bytes = stackalloc byte[2 * Timespec.Size];
                if (!UserMemory.Read(times, bytes)) return Errno.EFAULT;
                var a = new Timespec(bytes);
                var m = new Timespec(bytes.Slice(Timespec.Size));
                if (!Valid(a) || !Valid(m)) return Errno.EINVAL;
                atime = a.tv_nsec;
                asec = a.tv_sec;
                mtime = m.tv_nsec;
                msec = m.tv_sec;
            }
            Inode target = inode!;
            Credentials c = UserProcess.Current!.Credentials;
            bool owner = c.IsPrivileged || c.Euid == target.Uid;
            bool explicitTime = (atime != UTIME_NOW && atime != UTIME_OMIT) || (mtime != UTIME_NOW && mtime != UTIME_OMIT);
            if (explicitTime && !owner) return Errno.EPERM;
            if (!owner && Permissions.Check(target, Permissions.MAY_WRITE) != 0) return Errno.EACCES;
            ulong now = KernelHost.RealTimeNanoseconds;
            if (atime != UTIME_OMIT) target.Atime = atime == UTIME_NOW ? now : Nanoseconds(asec, atime);
            if (mtime != UTIME_OMIT) target.Mtime = mtime == UTIME_NOW ? now : Nanoseconds(msec, mtime);
            if (atime != UTIME_OMIT || mtime != UTIME_OMIT) target.Ctime = now;
            return 0;
        }

        // Times before the epoch (or past 2554) are not kept: they become the nearest that is.
        private static ulong Nanoseconds(long seconds, long nanoseconds) =>
            seconds < 0 ? 0 : seconds >= 18446744073 ? ulong.MaxValue : (ulong)seconds * 1000000000 + (ulong)nanoseconds;

        private static bool Valid(Timespec t) =>
            t.tv_nsec == UTIME_NOW || t.tv_nsec == UTIME_OMIT || (t.tv_nsec >= 0 && t.tv_nsec < 1000000000);
    }
}
