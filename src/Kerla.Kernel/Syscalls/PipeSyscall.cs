namespace Kerla.Kernel.Syscalls
{
    // pipe(2): pipe2 without flags.
    public static class PipeSyscall
    {
        [Syscall(SyscallNumber.Pipe)]
        public static SyscallResult Handle(UserPtr<byte> fds) => Pipe2.Handle(fds, 0);
    }
}
