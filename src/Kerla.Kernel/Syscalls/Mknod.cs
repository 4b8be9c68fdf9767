namespace Kerla.Kernel.Syscalls
{
    // mknod(2).
    public static class Mknod
    {
        [Syscall(SyscallNumber.Mknod)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, uint mode, uint dev) =>
            Mknodat.Handle(FileHelpers.AT_FDCWD, pathname, mode, dev);
    }
}
