using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fstatfs(2): statfs of an open file's filesystem.
    public static class Fstatfs
    {
        [Syscall(SyscallNumber.Fstatfs)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> buf)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            Span<byte> bytes = stackalloc byte[Statfs.Size];
            FilesystemStats.Fill(file.Inode, bytes);
            return UserMemory.Write(buf, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
