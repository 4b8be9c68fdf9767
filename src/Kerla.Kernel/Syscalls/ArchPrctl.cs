using System;

namespace Kerla.Kernel.Syscalls
{
    // arch_prctl(2): the FS base, which C libraries use as the thread pointer.
    public static class ArchPrctl
    {
        public enum Code
        {
            ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004,
        }

        private const ulong UserEnd = 0x0000800000000000;

        [Syscall(SyscallNumber.ArchPrctl)]
        public static SyscallResult Handle(Code code, UserPtr<byte> address)
        {
            switch (code)
            {
                case Code.ARCH_SET_FS:
                    if (address.Address >= UserEnd) return Errno.EPERM;
                    KernelHost.Platform.SetThreadPointer(address.Address);
                    return 0;
                case Code.ARCH_GET_FS:
                    Span<byte> value = stackalloc byte[8];
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(value, KernelHost.Platform.ThreadPointer);
                    return UserMemory.Write(address, value) ? 0 : Errno.EFAULT;
                default:
                    // GS is the kernel's on Linux too; the rest are other architectures' codes.
                    return Errno.EINVAL;
            }
        }
    }
}
