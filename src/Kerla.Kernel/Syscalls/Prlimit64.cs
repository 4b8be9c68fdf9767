using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // prlimit64(2): read and set a resource limit of a process. Raising a hard
    // limit needs root; another process's limits need root or the same user.
    public static class Prlimit64
    {
        [Syscall(SyscallNumber.Prlimit64)]
        public static SyscallResult Handle(int pid, int resource, UserPtr<byte> newLimit, UserPtr<byte> oldLimit)
        {
            UserProcess caller = UserProcess.Current!;
            UserProcess? process = pid == 0 ? caller : ProcessTree.Find(pid);
            if (pid < 0 || process is null || process.IsZombie) return Errno.ESRCH;
            Credentials c = caller.Credentials, t = process.Credentials;
            if (process != caller && !c.IsPrivileged && !(c.Uid == t.Uid && c.Uid == t.Euid && c.Uid == t.Suid)) return Errno.EPERM;
            return Change(process, resource, newLimit, oldLimit);
        }

        // getrlimit/setrlimit/prlimit64 alike: the old limit to `oldLimit`, then the new one.
        internal static SyscallResult Change(UserProcess process, int resource, UserPtr<byte> newLimit, UserPtr<byte> oldLimit)
        {
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
                if (hard > process.Limits.Hard(resource) && !UserProcess.Current!.Credentials.IsPrivileged) return Errno.EPERM;
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
