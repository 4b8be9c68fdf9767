namespace Kerla.Kernel.Syscalls
{
    // link(2): does not follow a symlink in oldpath, as Linux.
    public static class Link
    {
        [Syscall(SyscallNumber.Link)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> oldpath, [TraceString] UserPtr<byte> newpath) =>
            Linkat.Handle(FileHelpers.AT_FDCWD, oldpath, FileHelpers.AT_FDCWD, newpath, 0);
    }
}
