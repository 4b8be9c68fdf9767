using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // dup(2): the lowest free descriptor, sharing the open file description.
    public static class Dup
    {
        [Syscall(SyscallNumber.Dup)]
        public static SyscallResult Handle(Fd oldfd)
        {
            OpenFile? file = FileTable.Current.Get(oldfd.Number);
            return file is null ? Errno.EBADF : FileTable.Current.Add(file, false);
        }
    }
}
