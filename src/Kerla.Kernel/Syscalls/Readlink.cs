namespace Kerla.Kernel.Syscalls
{
    // readlink(2): readlinkat(2) from the working directory.
    public static class Readlink
    {
        [Syscall(SyscallNumber.Readlink)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, UserPtr<byte> buf, int bufsiz) =>
            Readlinkat.Handle(FileHelpers.AT_FDCWD, pathname, buf, bufsiz);
    }
}
