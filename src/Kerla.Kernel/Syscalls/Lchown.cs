namespace Kerla.Kernel.Syscalls
{
    // lchown(2): changes the symlink itself.
    public static class Lchown
    {
        [Syscall(SyscallNumber.Lchown)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, uint owner, uint group) =>
            Fchownat.Handle(FileHelpers.AT_FDCWD, pathname, owner, group, FileHelpers.AT_SYMLINK_NOFOLLOW);
    }
}
