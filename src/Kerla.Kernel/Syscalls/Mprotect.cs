using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mprotect(2): the whole range must be mapped (ENOMEM otherwise); a shared
    // mapping of a file opened read-only cannot become writable (EACCES).
    public static class Mprotect
    {
        [Syscall(SyscallNumber.Mprotect)]
        public static SyscallResult Handle(UserPtr<byte> address, nuint length, Protection prot)
        {
            ulong start = address.Address;
            if ((start & 4095) != 0) return Errno.EINVAL;
            if ((prot & ~(Protection.Read | Protection.Write | Protection.Exec)) != 0) return Errno.EINVAL;
            ulong end = AddressSpace.PageUp(start + length);
            if (end < start || end > AddressSpace.UserEnd) return Errno.ENOMEM;
            if (length == 0) return 0;
            if ((prot & Protection.Write) != 0 && UserProcess.Current!.Memory.WriteForbidden(start, end)) return Errno.EACCES;
            return UserProcess.Current!.Memory.Protect(start, end, prot, UserProcess.CurrentPageTables.Instance) ? 0 : Errno.ENOMEM;
        }
    }
}
