namespace Kerla.Kernel.Syscalls
{
    // mkdir(2).
    public static class Mkdir
    {
        [Syscall(SyscallNumber.Mkdir)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, uint mode) =>
            Mkdirat.Handle(FileHelpers.AT_FDCWD, pathname, mode);
    }
}
