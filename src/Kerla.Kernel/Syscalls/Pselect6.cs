using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // pselect6(2): select with a timespec timeout, updated with the time not
    // slept. The sixth argument ({sigmask, size}) matters once signals are delivered.
    public static class Pselect6
    {
        [Syscall(SyscallNumber.Pselect6)]
        public static SyscallResult Handle(int nfds, UserPtr<byte> readfds, UserPtr<byte> writefds, UserPtr<byte> exceptfds, UserPtr<byte> timeout, UserPtr<byte> sigmask)
        {
            long deadline = long.MaxValue;
            Span<byte> bytes = stackalloc byte[Timespec.Size];
            if (!timeout.IsNull)
            {
                if (!UserMemory.Read(timeout, bytes)) return Errno.EFAULT;
                var ts = new Timespec(bytes);
                if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000) return Errno.EINVAL;
                deadline = Select.Now + Math.Min(ts.tv_sec, 1L << 32) * 1000000000 + ts.tv_nsec;
            }
            SyscallResult result = Select.Wait(nfds, readfds, writefds, exceptfds, deadline);
            if (!timeout.IsNull)
            {
                long left = Math.Max(0, deadline - Select.Now);
                var ts = new Timespec(bytes);
                ts.tv_sec = left / 1000000000;
                ts.tv_nsec = left % 1000000000;
                UserMemory.Write(timeout, bytes);
            }
            return result;
        }
    }
}
