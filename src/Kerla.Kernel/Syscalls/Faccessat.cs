namespace Kerla.Kernel.Syscalls
{
    // faccessat(2): faccessat2 without flags.
    public static class Faccessat
    {
        [Syscall(SyscallNumber.Faccessat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, int mode) =>
            Faccessat2.Handle(dirfd, pathname, mode, 0);
    }
}
