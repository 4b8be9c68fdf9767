using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // dup3(2): newfd refers to oldfd's open file (closing what it was); O_CLOEXEC
    // is the only flag; equal descriptors are EINVAL.
    public static class Dup3
    {
        [Syscall(SyscallNumber.Dup3)]
        public static SyscallResult Handle(Fd oldfd, Fd newfd, int flags)
        {
            if ((flags & ~OpenFile.O_CLOEXEC) != 0 || oldfd.Number == newfd.Number) return Errno.EINVAL;
            return Duplicate(oldfd, newfd, (flags & OpenFile.O_CLOEXEC) != 0);
        }

        internal static SyscallResult Duplicate(Fd oldfd, Fd newfd, bool closeOnExec)
        {
            OpenFile? file = FileTable.Current.Get(oldfd.Number);
            if (file is null) return Errno.EBADF;
            if ((uint)newfd.Number >= FileTable.Max) return Errno.EBADF;
            FileTable.Current.Set(newfd.Number, file, closeOnExec);
            return newfd.Number;
        }
    }
}
