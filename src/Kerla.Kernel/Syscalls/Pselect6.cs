using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // pselect6(2): select with a timespec timeout, updated with the time not
    // slept; the sixth argument, {sigmask, size}, is the mask to wait with.
    public static class Pselect6
    {
        [Syscall(SyscallNumber.Pselect6)]
        public static SyscallResult Handle(int nfds, UserPtr<byte> readfds, UserPtr<byte> writefds, UserPtr<byte> exceptfds, UserPtr<byte> timeout, UserPtr<byte> sigmask)
        {
            long deadline = long.MaxValue;
            Span<byte> bytes = stackalloc byte[Timespec.Size];
            if (!timeout.IsNull)
            {
                Errno e = TimespecArgument.Read(timeout, out ulong length);
                if (e != 0) return e;
                deadline = Select.Now + (long)length;
            }
            bool masked = false;
            if (!sigmask.IsNull)
            {
                Span<byte> pair = stackalloc byte[16];
                if (!UserMemory.Read(sigmask, pair)) return Errno.EFAULT;
                ulong maskAddress = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(pair);
                nuint size = (nuint)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(pair.Slice(8));
                if (maskAddress != 0)
                {
                    Errno e = Signals.ReadMask(new UserPtr<byte>(maskAddress), size, out ulong mask);
                    if (e != 0) return e;
                    Signals.BeginTemporaryMask(mask);
                    masked = true;
                }
            }
            SyscallResult result = Select.Wait(nfds, readfds, writefds, exceptfds, deadline);
            if (masked) Signals.EndTemporaryMask(result.Raw);
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
