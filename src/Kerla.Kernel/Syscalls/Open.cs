namespace Kerla.Kernel.Syscalls
{
    // open(2): openat(2) from the working directory.
    public static class Open
    {
        [Syscall(SyscallNumber.Open)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, int flags, uint mode) =>
            Openat.Handle(FileHelpers.AT_FDCWD, pathname, flags, mode);
    }
}
