using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // close(2).
    public static class Close
    {
        [Syscall(SyscallNumber.Close)]
        public static SyscallResult Handle(Fd fd) => FileTable.Current.Close(fd.Number) ? 0 : Errno.EBADF;
    }
}
