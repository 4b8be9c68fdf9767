using System;

namespace Kerla.Kernel.Syscalls
{
    // time(2): seconds since the epoch, also stored through tloc when given.
    public static class Time
    {
        [Syscall(SyscallNumber.Time)]
        public static SyscallResult Handle(UserPtr<byte> tloc)
        {
            long now = (long)KernelHost.RealTimeSeconds;
            if (!tloc.IsNull)
            {
                Span<byte> bytes = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, now);
                if (!UserMemory.Write(tloc, bytes)) return Errno.EFAULT;
            }
            return now;
        }
    }
}
