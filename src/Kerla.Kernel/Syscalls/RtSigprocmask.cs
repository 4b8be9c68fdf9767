using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigprocmask(2): the set of blocked signals, inherited by fork and kept
    // by exec; SIGKILL and SIGSTOP cannot be blocked. Unblocked pending signals
    // are delivered on the way back to user mode.
    public static class RtSigprocmask
    {
        private const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

        [Syscall(SyscallNumber.RtSigprocmask)]
        public static SyscallResult Handle(int how, UserPtr<byte> set, UserPtr<byte> oldset, nuint sigsetsize)
        {
            if (sigsetsize != 8) return Errno.EINVAL;
            UserProcess process = UserProcess.Current!;
            Span<byte> bytes = stackalloc byte[8];
            ulong old = process.BlockedSignals;
            if (!set.IsNull)
            {
                if (!UserMemory.Read(set, bytes)) return Errno.EFAULT;
                ulong mask = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                ulong blocked = how switch
                {
                    SIG_BLOCK => old | mask,
                    SIG_UNBLOCK => old & ~mask,
                    SIG_SETMASK => mask,
                    _ => ulong.MaxValue,
                };
                if (how < SIG_BLOCK || how > SIG_SETMASK) return Errno.EINVAL;
                process.BlockedSignals = blocked & ~Signals.Unblockable;
            }
            if (!oldset.IsNull)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, old);
                if (!UserMemory.Write(oldset, bytes)) return Errno.EFAULT;
            }
            return 0;
        }
    }
}
