using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // sched_setaffinity(2): a mask must include CPU 0, the only one (EINVAL
    // otherwise); then nothing changes.
    public static class SchedSetaffinity
    {
        [Syscall(SyscallNumber.SchedSetaffinity)]
        public static SyscallResult Handle(int pid, nuint cpusetsize, UserPtr<byte> mask)
        {
            if (!ProcessTree.Exists(pid)) return Errno.ESRCH;
            if (cpusetsize == 0) return Errno.EINVAL;
            Span<byte> first = stackalloc byte[1];
            if (!UserMemory.Read(mask, first)) return Errno.EFAULT;
            return (first[0] & 1) != 0 ? 0 : Errno.EINVAL;
        }
    }
}
