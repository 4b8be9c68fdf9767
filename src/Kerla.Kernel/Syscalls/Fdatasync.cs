namespace Kerla.Kernel.Syscalls
{
    // fdatasync(2): fsync(2) without the metadata, which is in memory too.
    public static class Fdatasync
    {
        [Syscall(SyscallNumber.Fdatasync)]
        public static SyscallResult Handle(Fd fd) => Fsync.Check(fd);
    }
}
