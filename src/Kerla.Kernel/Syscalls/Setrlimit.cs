using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // setrlimit(2): prlimit64 on the caller, setting only.
    public static class Setrlimit
    {
        [Syscall(SyscallNumber.Setrlimit)]
        public static SyscallResult Handle(int resource, UserPtr<byte> rlim) =>
            rlim.IsNull ? Errno.EFAULT : Prlimit64.Change(UserProcess.Current!, resource, rlim, default);
    }
}
