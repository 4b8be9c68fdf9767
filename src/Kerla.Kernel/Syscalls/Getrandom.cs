using System;

namespace Kerla.Kernel.Syscalls
{
    // getrandom(2): bytes from the kernel's generator (Crng), which is always
    // seeded here, so it never blocks and GRND_NONBLOCK changes nothing.
    public static class Getrandom
    {
        private const uint GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4;

        [Syscall(SyscallNumber.Getrandom)]
        public static SyscallResult Handle([TraceBuffer("count")] UserPtr<byte> buf, nuint count, uint flags)
        {
            if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0) return Errno.EINVAL;
            if ((flags & GRND_RANDOM) != 0 && (flags & GRND_INSECURE) != 0) return Errno.EINVAL;
            if (count > 33554431) count = 33554431; // at most 32 MiB - 1, as Linux
            Span<byte> chunk = stackalloc byte[256];
            ulong done = 0;
            while (done < count)
            {
                int n = count - done < 256 ? (int)(count - done) : 256;
                Crypto.Crng.Fill(chunk.Slice(0, n));
                if (!UserMemory.Write(new UserPtr<byte>(buf.Address + done), chunk.Slice(0, n))) return done > 0 ? (long)done : Errno.EFAULT;
                done += (ulong)n;
            }
            return (long)done;
        }
    }
}
