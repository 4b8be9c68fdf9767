using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // statx(2): what stat(2) says, in struct statx, for every basic field
    // whatever the mask asked (STATX_BASIC_STATS); no birth time is kept.
    public static class StatxSyscall
    {
        private const int AT_NO_AUTOMOUNT = 0x800, AT_STATX_SYNC_TYPE = 0x6000;
        private const uint STATX_BASIC_STATS = 0x7ff, STATX__RESERVED = 0x80000000;

        [Syscall(SyscallNumber.Statx)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, int flags, uint mask, UserPtr<byte> statxbuf)
        {
            if ((flags & ~(FileHelpers.AT_SYMLINK_NOFOLLOW | FileHelpers.AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) != 0) return Errno.EINVAL;
            if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.InodeAt(dirfd, pathname, flags, out Inode? inode);
            if (e != 0) return e;
            Span<byte> bytes = stackalloc byte[Abi.Statx.Size];
            bytes.Clear();
            var s = new Abi.Statx(bytes);
            s.stx_mask = STATX_BASIC_STATS;
            s.stx_blksize = 4096;
            s.stx_nlink = inode!.Nlink;
            s.stx_uid = inode.Uid;
            s.stx_gid = inode.Gid;
            s.stx_mode = (ushort)inode.Mode;
            s.stx_ino = inode.Ino;
            s.stx_size = (ulong)inode.Size;
            s.stx_blocks = (ulong)inode.Blocks;
            Time(s.stx_atime, inode.Atime);
            Time(s.stx_mtime, inode.Mtime);
            Time(s.stx_ctime, inode.Ctime);
            s.stx_rdev_major = Major(inode.Rdev);
            s.stx_rdev_minor = Minor(inode.Rdev);
            s.stx_dev_major = Major(inode.Dev);
            s.stx_dev_minor = Minor(inode.Dev);
            return UserMemory.Write(statxbuf, bytes) ? 0 : Errno.EFAULT;
        }

        private static void Time(StatxTimestamp t, ulong nanoseconds)
        {
            t.tv_sec = (long)(nanoseconds / 1000000000);
            t.tv_nsec = (uint)(nanoseconds % 1000000000);
        }

        // dev_t as the kernel encodes it for stat: minor's low byte, major, minor's high bits.
        private static uint Major(ulong dev) => (uint)((dev >> 8) & 0xfff);
        private static uint Minor(ulong dev) => (uint)((dev & 0xff) | ((dev >> 12) & 0xfff00));
    }
}
