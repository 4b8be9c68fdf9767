using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getppid(2): 0 for init, whose parent is the kernel.
    public static class Getppid
    {
        [Syscall(SyscallNumber.Getppid)]
        public static SyscallResult Handle() => UserProcess.Current!.Parent?.Pid ?? 0;
    }
}
