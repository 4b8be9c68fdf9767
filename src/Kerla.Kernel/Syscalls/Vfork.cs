namespace Kerla.Kernel.Syscalls
{
    // vfork(2): the child runs in the parent's memory, and the parent waits
    // until the child execs or exits. Programs rely on both (BusyBox's spawn
    // reads an errno the child stored after a failed exec).
    public static class Vfork
    {
        [Syscall(SyscallNumber.Vfork)]
        public static SyscallResult Handle() => Clone.Fork(0, default, default, vfork: true);
    }
}
