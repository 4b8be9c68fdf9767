using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // setgroups(2): replaces the supplementary group IDs; root only, at most
    // NGROUPS_MAX of them.
    public static class Setgroups
    {
        private const int NGROUPS_MAX = 65536;

        [Syscall(SyscallNumber.Setgroups)]
        public static SyscallResult Handle(int size, UserPtr<byte> list)
        {
            if (size < 0 || size > NGROUPS_MAX) return Errno.EINVAL;
            Credentials credentials = CredentialHelpers.Current;
            if (!credentials.IsPrivileged) return Errno.EPERM;
            uint[] groups = new uint[size];
            Span<byte> bytes = stackalloc byte[4];
            for (int i = 0; i < size; i++)
            {
                if (!UserMemory.Read(new UserPtr<byte>(list.Address + (ulong)i * 4), bytes))
                {
                    Memory.KernelObjects.Free(groups);
                    return Errno.EFAULT;
                }
                groups[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            }
            credentials.SetGroups(groups);
            Memory.KernelObjects.Free(groups);
            return 0;
        }
    }
}
