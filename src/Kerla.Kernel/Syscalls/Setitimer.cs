using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // setitimer(2): arms (or, with a zero value, disarms) ITIMER_REAL,
    // ITIMER_VIRTUAL or ITIMER_PROF, answering with the previous setting.
    public static class Setitimer
    {
        public const int ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;

        [Syscall(SyscallNumber.Setitimer)]
        public static SyscallResult Handle(int which, UserPtr<byte> newValue, UserPtr<byte> oldValue)
        {
            if (which < ITIMER_REAL || which > ITIMER_PROF) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[Itimerval.Size];
            bytes.Clear();
            // Linux takes NULL as a zero value (disarm).
            if (!newValue.IsNull && !UserMemory.Read(newValue, bytes)) return Errno.EFAULT;
            var wanted = new Itimerval(bytes);
            if (!Getitimer.ToNanoseconds(wanted.it_value, out ulong value) || !Getitimer.ToNanoseconds(wanted.it_interval, out ulong interval))
                return Errno.EINVAL;
            Span<byte> old = stackalloc byte[Itimerval.Size];
            Getitimer.Read(which, old);
            Set(UserProcess.Current!, which, value, interval);
            if (!oldValue.IsNull && !UserMemory.Write(oldValue, old)) return Errno.EFAULT;
            return 0;
        }

        internal static void Set(UserProcess process, int which, ulong value, ulong interval)
        {
            switch (which)
            {
                case ITIMER_REAL:
                    Itimers.ArmReal(process, value == 0 ? 0 : KernelHost.Platform.NanosecondsSinceBoot + value, interval);
                    break;
                case ITIMER_VIRTUAL:
                    process.VirtualTimerLeft = value;
                    process.VirtualTimerInterval = interval;
                    break;
                default:
                    process.ProfTimerLeft = value;
                    process.ProfTimerInterval = interval;
                    break;
            }
        }
    }
}
