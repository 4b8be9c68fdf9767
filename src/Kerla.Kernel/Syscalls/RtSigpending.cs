using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigpending(2): the signals pending while blocked.
    public static class RtSigpending
    {
        [Syscall(SyscallNumber.RtSigpending)]
        public static SyscallResult Handle(UserPtr<byte> set, nuint sigsetsize)
        {
            if (sigsetsize > 8) return Errno.EINVAL;
            UserProcess process = UserProcess.Current!;
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, process.PendingSignals & process.BlockedSignals);
            return UserMemory.Write(set, bytes.Slice(0, (int)sigsetsize)) ? 0 : Errno.EFAULT;
        }
    }
}
