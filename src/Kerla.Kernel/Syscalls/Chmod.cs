namespace Kerla.Kernel.Syscalls
{
    // chmod(2).
    public static class Chmod
    {
        [Syscall(SyscallNumber.Chmod)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, uint mode) =>
            Fchmodat.Handle(FileHelpers.AT_FDCWD, pathname, mode);
    }
}
