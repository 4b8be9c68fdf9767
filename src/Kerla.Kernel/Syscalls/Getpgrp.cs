namespace Kerla.Kernel.Syscalls
{
    // getpgrp(2): the caller's process group.
    public static class Getpgrp
    {
        [Syscall(SyscallNumber.Getpgrp)]
        public static SyscallResult Handle() => Getpgid.Handle(0);
    }
}
