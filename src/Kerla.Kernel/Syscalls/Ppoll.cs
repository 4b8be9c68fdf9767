using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // ppoll(2): poll with a timespec timeout (NULL: forever). The signal mask
    // argument matters once signals are delivered.
    public static class Ppoll
    {
        [Syscall(SyscallNumber.Ppoll)]
        public static SyscallResult Handle(UserPtr<byte> fds, uint nfds, UserPtr<byte> tmo, UserPtr<byte> sigmask, nuint sigsetsize)
        {
            long deadline = long.MaxValue;
            if (!tmo.IsNull)
            {
                Span<byte> bytes = stackalloc byte[Timespec.Size];
                if (!UserMemory.Read(tmo, bytes)) return Errno.EFAULT;
                var ts = new Timespec(bytes);
                if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return Errno.EINVAL;
                deadline = (long)(KernelHost.Platform.NanosecondsSinceBoot / 1000000) + ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
            }
            return Poll.Wait(fds, nfds, deadline);
        }
    }
}
