using System;

namespace Kerla.Kernel.Syscalls
{
    // newfstatat(2): with AT_EMPTY_PATH and "" it is fstat of the descriptor.
    // Path lookups wait for the VFS: ENOSYS, not a made-up file.
    public static class Newfstatat
    {
        private const int AT_FDCWD = -100;
        private const int AT_EMPTY_PATH = 0x1000;

        [Syscall(SyscallNumber.Newfstatat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> statbuf, int flags)
        {
            Span<byte> first = stackalloc byte[1];
            if (!UserMemory.Read(pathname, first)) return Errno.EFAULT;
            if (first[0] != 0) return Errno.ENOSYS;
            if ((flags & AT_EMPTY_PATH) == 0) return Errno.ENOENT;
            if (dirfd == AT_FDCWD) return Errno.ENOSYS;
            return Fstat.StatConsole(new Fd(dirfd), statbuf);
        }
    }
}
