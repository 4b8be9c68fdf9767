using System;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // readlinkat(2) and readlink(2): a symlink's target, not NUL-terminated,
    // truncated to the buffer. An empty path reads the symlink dirfd names
    // (opened with O_PATH | O_NOFOLLOW).
    public static class Readlinkat
    {
        [Syscall(SyscallNumber.Readlinkat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> buf, int bufsiz)
        {
            if (bufsiz <= 0) return Errno.EINVAL;
            Errno e = FileHelpers.ReadPath(pathname, out string path);
            if (e != 0) return e;
            bool empty = path.Length == 0;
            FileHelpers.FreePath(path);
            e = FileHelpers.InodeAt(dirfd, pathname, FileHelpers.AT_SYMLINK_NOFOLLOW | FileHelpers.AT_EMPTY_PATH, out Inode? inode);
            if (e != 0) return e;
            string? target = inode!.LinkTarget;
            if (target is null) return empty ? Errno.ENOENT : Errno.EINVAL;
            int length = Math.Min(target.Length, bufsiz);
            Span<byte> bytes = stackalloc byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)target[i];
            return UserMemory.Write(buf, bytes) ? length : Errno.EFAULT;
        }
    }
}
