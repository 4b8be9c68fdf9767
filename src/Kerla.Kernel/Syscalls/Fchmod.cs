using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fchmod(2).
    public static class Fchmod
    {
        [Syscall(SyscallNumber.Fchmod)]
        public static SyscallResult Handle(Fd fd, uint mode)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            return file is null ? Errno.EBADF : Fchmodat.Change(file.Inode, mode);
        }
    }
}
