using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // brk(2): the raw syscall returns the new break, or the old one when the move
    // is refused (the C library turns that into ENOMEM).
    public static class Brk
    {
        [Syscall(SyscallNumber.Brk)]
        public static SyscallResult Handle(UserPtr<byte> address)
        {
            UserProcess process = UserProcess.Current!;
            return (long)process.Memory.MoveBrk(address.Address, UserProcess.CurrentPageTables.Instance);
        }
    }
}
