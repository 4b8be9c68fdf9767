namespace Kerla.Kernel.Syscalls
{
    // stat(2): newfstatat(2) from the working directory, following symlinks.
    public static class StatSyscall
    {
        [Syscall(SyscallNumber.Stat)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, UserPtr<byte> statbuf) =>
            Newfstatat.Handle(FileHelpers.AT_FDCWD, pathname, statbuf, 0);
    }
}
