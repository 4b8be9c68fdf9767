using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // sched_getaffinity(2): the CPUs a process may run on; there is one, CPU 0.
    // Returns the bytes of the mask written (a long's worth), as the raw
    // syscall does.
    public static class SchedGetaffinity
    {
        [Syscall(SyscallNumber.SchedGetaffinity)]
        public static SyscallResult Handle(int pid, nuint cpusetsize, UserPtr<byte> mask)
        {
            if (!ProcessTree.Exists(pid)) return Errno.ESRCH;
            if (cpusetsize < 8 || cpusetsize % 8 != 0) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[8];
            bytes.Clear();
            bytes[0] = 1;
            return UserMemory.Write(mask, bytes) ? 8 : Errno.EFAULT;
        }
    }
}
