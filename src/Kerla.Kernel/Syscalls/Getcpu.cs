using System;

namespace Kerla.Kernel.Syscalls
{
    // getcpu(2): CPU 0 on NUMA node 0, always; either pointer may be NULL.
    public static class Getcpu
    {
        [Syscall(SyscallNumber.Getcpu)]
        public static SyscallResult Handle(UserPtr<byte> cpu, UserPtr<byte> node, UserPtr<byte> tcache)
        {
            Span<byte> zero = stackalloc byte[4];
            zero.Clear();
            if (!cpu.IsNull && !UserMemory.Write(cpu, zero)) return Errno.EFAULT;
            if (!node.IsNull && !UserMemory.Write(node, zero)) return Errno.EFAULT;
            return 0;
        }
    }
}
