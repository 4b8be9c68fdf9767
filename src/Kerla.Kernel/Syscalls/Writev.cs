using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // writev(2): the buffers in order, as one write; a short write or an error
    // after some bytes ends it with the count so far.
    public static class Writev
    {
        private const int MaxVectors = 1024; // UIO_MAXIOV

        [Syscall(SyscallNumber.Writev)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> iov, int iovcnt)
        {
            if (iovcnt < 0 || iovcnt > MaxVectors) return Errno.EINVAL;
            Span<byte> one = stackalloc byte[Iovec.Size];
            long total = 0;
            for (int i = 0; i < iovcnt; i++)
            {
                if (!UserMemory.Read(new UserPtr<byte>(iov.Address + (ulong)(i * Iovec.Size)), one)) return total > 0 ? total : Errno.EFAULT;
                var vector = new Iovec(one);
                SyscallResult written = Write.Handle(fd, new UserPtr<byte>(vector.iov_base), (nuint)vector.iov_len);
                if (written.IsError) return total > 0 ? total : written;
                total += written.Raw;
                if ((ulong)written.Raw < vector.iov_len) break;
            }
            return total;
        }
    }
}
