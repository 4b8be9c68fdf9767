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
                Errno e = TimespecArgument.Read(tmo, out ulong timeout);
                if (e != 0) return e;
                deadline = (long)((KernelHost.Platform.NanosecondsSinceBoot + timeout) / 1000000);
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
