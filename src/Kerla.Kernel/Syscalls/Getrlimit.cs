using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getrlimit(2): prlimit64 on the caller, reading only.
    public static class Getrlimit
    {
        [Syscall(SyscallNumber.Getrlimit)]
        public static SyscallResult Handle(int resource, UserPtr<byte> rlim) =>
            rlim.IsNull ? Errno.EFAULT : Prlimit64.Change(UserProcess.Current!, resource, default, rlim);
    }
}
