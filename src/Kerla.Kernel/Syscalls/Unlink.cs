namespace Kerla.Kernel.Syscalls
{
    // unlink(2).
    public static class Unlink
    {
        [Syscall(SyscallNumber.Unlink)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname) => Unlinkat.Handle(FileHelpers.AT_FDCWD, pathname, 0);
    }
}
