using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // munmap(2): unmapping what is not mapped is not an error.
    public static class Munmap
    {
        [Syscall(SyscallNumber.Munmap)]
        public static SyscallResult Handle(UserPtr<byte> address, nuint length)
        {
            ulong start = address.Address;
            if ((start & 4095) != 0 || length == 0) return Errno.EINVAL;
            ulong end = AddressSpace.PageUp(start + length);
            if (start >= AddressSpace.UserEnd || end > AddressSpace.UserEnd || end < start) return Errno.EINVAL;
            UserProcess.Current!.Memory.Remove(start, end, UserProcess.CurrentPageTables.Instance);
            return 0;
        }
    }
}
