using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // times(2): CPU times in clock ticks (USER_HZ, the AT_CLKTCK programs are
    // told); returns the ticks since boot. The buffer may be NULL.
    public static class Times
    {
        public const ulong UserHz = 100;
        private const ulong NanosecondsPerTick = 1000000000 / UserHz;

        [Syscall(SyscallNumber.Times)]
        public static SyscallResult Handle(UserPtr<byte> buf)
        {
            if (!buf.IsNull)
            {
                UserProcess process = UserProcess.Current!;
                Span<byte> bytes = stackalloc byte[Tms.Size];
                var tms = new Tms(bytes);
                tms.tms_utime = (long)(process.Cpu.User / NanosecondsPerTick);
                tms.tms_stime = (long)(process.Cpu.System / NanosecondsPerTick);
                tms.tms_cutime = (long)(process.ReapedChildrenCpu.User / NanosecondsPerTick);
                tms.tms_cstime = (long)(process.ReapedChildrenCpu.System / NanosecondsPerTick);
                if (!UserMemory.Write(buf, bytes)) return Errno.EFAULT;
            }
            return (long)(KernelHost.Platform.NanosecondsSinceBoot / NanosecondsPerTick);
        }
    }
}
