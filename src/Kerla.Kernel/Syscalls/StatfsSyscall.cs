using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // statfs(2): the filesystem `path` is on (Fs.FilesystemStats).
    public static class StatfsSyscall
    {
        [Syscall(SyscallNumber.Statfs)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> path, UserPtr<byte> buf)
        {
            Errno e = FileHelpers.InodeAt(FileHelpers.AT_FDCWD, path, 0, out Inode? inode);
            if (e != 0) return e;
            Span<byte> bytes = stackalloc byte[Statfs.Size];
            FilesystemStats.Fill(inode!, bytes);
            return UserMemory.Write(buf, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
