namespace Kerla.Kernel.Syscalls
{
    // rename(2).
    public static class Rename
    {
        [Syscall(SyscallNumber.Rename)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> oldpath, [TraceString] UserPtr<byte> newpath) =>
            Renameat2.Handle(FileHelpers.AT_FDCWD, oldpath, FileHelpers.AT_FDCWD, newpath, 0);
    }
}
