using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // dup2(2): like dup3, but equal descriptors are fine (if oldfd is open).
    public static class Dup2
    {
        [Syscall(SyscallNumber.Dup2)]
        public static SyscallResult Handle(Fd oldfd, Fd newfd)
        {
            if (oldfd.Number == newfd.Number) return FileTable.Current.Get(oldfd.Number) is null ? Errno.EBADF : newfd.Number;
            return Dup3.Duplicate(oldfd, newfd, false);
        }
    }
}
