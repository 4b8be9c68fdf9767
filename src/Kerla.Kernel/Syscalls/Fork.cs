namespace Kerla.Kernel.Syscalls
{
    // fork(2).
    public static class Fork
    {
        [Syscall(SyscallNumber.Fork)]
        public static SyscallResult Handle() => Clone.Fork(0, default, default);
    }
}
