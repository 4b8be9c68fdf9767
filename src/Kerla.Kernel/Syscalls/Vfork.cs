namespace Kerla.Kernel.Syscalls
{
    // vfork(2), as a fork: POSIX allows it, and the parent does not depend on
    // being suspended (the child only execs or exits).
    public static class Vfork
    {
        [Syscall(SyscallNumber.Vfork)]
        public static SyscallResult Handle() => Clone.Fork(0, default, default);
    }
}
