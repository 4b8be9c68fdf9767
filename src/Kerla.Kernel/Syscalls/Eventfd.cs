namespace Kerla.Kernel.Syscalls
{
    // eventfd(2): eventfd2 without flags.
    public static class Eventfd
    {
        [Syscall(SyscallNumber.Eventfd)]
        public static SyscallResult Handle(uint initval) => Eventfd2.Handle(initval, 0);
    }
}
