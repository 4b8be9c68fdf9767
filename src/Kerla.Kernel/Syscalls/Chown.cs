namespace Kerla.Kernel.Syscalls
{
    // chown(2): follows symlinks.
    public static class Chown
    {
        [Syscall(SyscallNumber.Chown)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, uint owner, uint group) =>
            Fchownat.Handle(FileHelpers.AT_FDCWD, pathname, owner, group, 0);
    }
}
