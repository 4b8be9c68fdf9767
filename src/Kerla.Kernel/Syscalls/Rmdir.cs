namespace Kerla.Kernel.Syscalls
{
    // rmdir(2).
    public static class Rmdir
    {
        [Syscall(SyscallNumber.Rmdir)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname) =>
            Unlinkat.Handle(FileHelpers.AT_FDCWD, pathname, Unlinkat.AT_REMOVEDIR);
    }
}
