using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fstat(2).
    public static class Fstat
    {
        [Syscall(SyscallNumber.Fstat)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> statbuf)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            return file is null ? Errno.EBADF : FileHelpers.Stat(file.Inode, statbuf);
        }
    }
}
