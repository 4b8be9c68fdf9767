using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // fstat(2) on descriptors. Until file descriptions exist,
    // 0-2 are the serial console: a character device, /dev/ttyS0 (major 4,
    // minor 64).
    public static class Fstat
    {
        private const uint S_IFCHR = 0x2000;

        [Syscall(SyscallNumber.Fstat)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> statbuf) => StatConsole(fd, statbuf);

        internal static SyscallResult StatConsole(Fd fd, UserPtr<byte> statbuf)
        {
            if ((uint)fd.Number > 2) return Errno.EBADF;
            Span<byte> bytes = stackalloc byte[Stat.Size];
            bytes.Clear();
            var stat = new Stat(bytes);
            stat.st_dev = 5;                 // devtmpfs, as on a typical Linux
            stat.st_ino = 64;
            stat.st_nlink = 1;
            stat.st_mode = S_IFCHR | 0x1a0;  // crw-rw----
            stat.st_rdev = (4 << 8) | 64;    // makedev(4, 64): ttyS0
            stat.st_blksize = 1024;
            return UserMemory.Write(statbuf, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
