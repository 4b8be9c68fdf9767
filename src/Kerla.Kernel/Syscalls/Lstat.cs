namespace Kerla.Kernel.Syscalls
{
    // lstat(2): stat(2) of a symlink itself.
    public static class Lstat
    {
        [Syscall(SyscallNumber.Lstat)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, UserPtr<byte> statbuf) =>
            Newfstatat.Handle(FileHelpers.AT_FDCWD, pathname, statbuf, FileHelpers.AT_SYMLINK_NOFOLLOW);
    }
}
