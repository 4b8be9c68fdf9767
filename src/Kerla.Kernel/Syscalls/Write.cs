using System;

namespace Kerla.Kernel.Syscalls
{
    // write(2). Until file descriptor tables exist (the user-space issue), 0, 1
    // and 2 are the console and every other descriptor is EBADF.
    public static class Write
    {
        private const int Chunk = 256;

        [Syscall(SyscallNumber.Write)]
        public static SyscallResult Handle(Fd fd, [TraceBuffer("count")] UserPtr<byte> buffer, nuint count)
        {
            if ((uint)fd.Number > 2) return Errno.EBADF;
            Span<byte> chunk = stackalloc byte[Chunk];
            ulong written = 0;
            while (written < count)
            {
                // Chunks never cross a page, so a bad page fails only its own bytes.
                ulong address = buffer.Address + written;
                ulong toPageEnd = 4096 - (address & 4095);
                ulong remaining = count - written;
                int length = (int)(remaining < toPageEnd ? (remaining < Chunk ? remaining : Chunk) : (toPageEnd < Chunk ? toPageEnd : Chunk));
                if (!UserMemory.Read(new UserPtr<byte>(address), chunk.Slice(0, length)))
                {
                    // Linux returns what was written before the bad page, EFAULT only if nothing was.
                    return written == 0 ? Errno.EFAULT : (long)written;
                }
                Console.Write(chunk.Slice(0, length));
                written += (ulong)length;
            }
            return (long)written;
        }
    }
}
