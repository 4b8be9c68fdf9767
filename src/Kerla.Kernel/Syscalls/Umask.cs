using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // umask(2): sets the file mode creation mask, returns the previous one.
    public static class Umask
    {
        [Syscall(SyscallNumber.Umask)]
        public static SyscallResult Handle(uint mask)
        {
            UserProcess process = UserProcess.Current!;
            uint old = process.Umask;
            process.Umask = mask & 0x1ff;
            return old;
        }
    }
}
