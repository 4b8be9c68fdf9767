namespace Kerla.Kernel.Syscalls
{
    // access(2): faccessat2 from the working directory.
    public static class Access
    {
        [Syscall(SyscallNumber.Access)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, int mode) =>
            Faccessat2.Handle(FileHelpers.AT_FDCWD, pathname, mode, 0);
    }
}
