using System;

namespace Kerla.Kernel.Syscalls
{
    // Reading and writing through user pointers, for syscall handlers. Every
    // method reports a bad address as false (EFAULT), never as a kernel fault.
    public static class UserMemory
    {
        public static bool Read(UserPtr<byte> pointer, Span<byte> destination) =>
            KernelHost.Platform.CopyFromUser(pointer.Address, destination);

        public static bool Write(UserPtr<byte> pointer, ReadOnlySpan<byte> source) =>
            KernelHost.Platform.CopyToUser(pointer.Address, source);

        // At most `limit` bytes of a NUL-terminated string; `complete` says whether
        // the NUL was found within the limit.
        public static bool ReadCString(ulong address, Span<byte> buffer, out int length, out bool complete)
        {
            length = 0;
            complete = false;
            Span<byte> one = stackalloc byte[1];
            while (length < buffer.Length)
            {
                if (!KernelHost.Platform.CopyFromUser(address + (ulong)length, one)) return false;
                if (one[0] == 0)
                {
                    complete = true;
                    return true;
                }
                buffer[length++] = one[0];
            }
            return true;
        }
    }
}
