using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getrusage(2): CPU time of the process, of its reaped children, or of the
    // thread (the process, until threads exist). The other counters (faults,
    // context switches, max RSS) are not kept yet and read 0.
    public static class Getrusage
    {
        public const int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;

        [Syscall(SyscallNumber.Getrusage)]
        public static SyscallResult Handle(int who, UserPtr<byte> usage)
        {
            UserProcess process = UserProcess.Current!;
            CpuTimes used;
            if (who == RUSAGE_SELF || who == RUSAGE_THREAD) used = process.Cpu;
            else if (who == RUSAGE_CHILDREN) used = process.ReapedChildrenCpu;
            else return Errno.EINVAL;
            return Write(usage, used) ? 0 : Errno.EFAULT;
        }

        internal static bool Write(UserPtr<byte> pointer, CpuTimes used)
        {
            Span<byte> bytes = stackalloc byte[Rusage.Size];
            bytes.Clear();
            var usage = new Rusage(bytes);
            Timeval user = usage.ru_utime, system = usage.ru_stime;
            user.tv_sec = (long)(used.User / 1000000000);
            user.tv_usec = (long)(used.User % 1000000000 / 1000);
            system.tv_sec = (long)(used.System / 1000000000);
            system.tv_usec = (long)(used.System % 1000000000 / 1000);
            return UserMemory.Write(pointer, bytes);
        }
    }
}
