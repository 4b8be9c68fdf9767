using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fchown(2).
    public static class Fchown
    {
        [Syscall(SyscallNumber.Fchown)]
        public static SyscallResult Handle(Fd fd, uint owner, uint group)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            return file is null ? Errno.EBADF : Fchownat.Change(file.Inode, owner, group);
        }
    }
}
