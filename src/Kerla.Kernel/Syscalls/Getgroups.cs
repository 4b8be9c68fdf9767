using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getgroups(2): the supplementary group IDs; size 0 asks only how many.
    public static class Getgroups
    {
        [Syscall(SyscallNumber.Getgroups)]
        public static SyscallResult Handle(int size, UserPtr<byte> list)
        {
            uint[] groups = CredentialHelpers.Current.Groups;
            if (size < 0) return Errno.EINVAL;
            if (size == 0) return groups.Length;
            if (size < groups.Length) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[4];
            for (int i = 0; i < groups.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, groups[i]);
                if (!UserMemory.Write(new UserPtr<byte>(list.Address + (ulong)i * 4), bytes)) return Errno.EFAULT;
            }
            return groups.Length;
        }
    }
}
