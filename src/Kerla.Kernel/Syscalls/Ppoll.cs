using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // ppoll(2): poll with a timespec timeout (NULL: forever), waiting with the
    // signal mask `sigmask` when one is given.
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
            if (!sigmask.IsNull)
            {
                Errno e = Signals.ReadMask(sigmask, sigsetsize, out ulong mask);
                if (e != 0) return e;
                Signals.BeginTemporaryMask(mask);
            }
            SyscallResult result = Poll.Wait(fds, nfds, deadline);
            if (!sigmask.IsNull) Signals.EndTemporaryMask(result.Raw);
            return result;
        }
    }
}
