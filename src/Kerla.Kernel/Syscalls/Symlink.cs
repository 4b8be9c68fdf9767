namespace Kerla.Kernel.Syscalls
{
    // symlink(2).
    public static class Symlink
    {
        [Syscall(SyscallNumber.Symlink)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> target, [TraceString] UserPtr<byte> linkpath) =>
            Symlinkat.Handle(target, FileHelpers.AT_FDCWD, linkpath);
    }
}
