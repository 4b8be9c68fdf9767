using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // prlimit64(2): read and set a resource limit of a process (only the caller
    // exists yet: pid 0 or its own).
    public static class Prlimit64
    {
        [Syscall(SyscallNumber.Prlimit64)]
        public static SyscallResult Handle(int pid, int resource, UserPtr<byte> newLimit, UserPtr<byte> oldLimit)
        {
            UserProcess process = UserProcess.Current!;
            if (pid != 0 && pid != process.Pid) return Errno.ESRCH;
            if ((uint)resource >= Rlimits.Count) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[Rlimit.Size];
            ulong soft = 0, hard = 0;
            if (!newLimit.IsNull)
            {
                if (!UserMemory.Read(newLimit, bytes)) return Errno.EFAULT;
                var limit = new Rlimit(bytes);
                soft = limit.rlim_cur;
                hard = limit.rlim_max;
                if (soft > hard) return Errno.EINVAL;
                // Raising a hard limit needs CAP_SYS_RESOURCE, which root (our only user) has.
            }
            if (!oldLimit.IsNull)
            {
                var old = new Rlimit(bytes);
                old.rlim_cur = process.Limits.Soft(resource);
                old.rlim_max = process.Limits.Hard(resource);
                if (!UserMemory.Write(oldLimit, bytes)) return Errno.EFAULT;
            }
            if (!newLimit.IsNull) process.Limits.Set(resource, soft, hard);
            return 0;
        }
    }
}
