namespace Kerla.Kernel.Syscalls
{
    // syncfs(2): sync(2) for one filesystem; every one is in memory.
    public static class Syncfs
    {
        [Syscall(SyscallNumber.Syncfs)]
        public static SyscallResult Handle(Fd fd) => Fs.FileTable.Current.Get(fd.Number) is null ? Errno.EBADF : 0;
    }
}
