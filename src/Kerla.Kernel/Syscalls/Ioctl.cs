using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // ioctl(2) on the console (fds 0-2 until file descriptions exist): the window
    // size. Requests the console does not implement yet are ENOTTY, as Linux
    // answers a request a device does not know.
    public static class Ioctl
    {
        public const uint TIOCGWINSZ = 0x5413;
        public const ushort Rows = 24, Columns = 80;

        [Syscall(SyscallNumber.Ioctl)]
        public static SyscallResult Handle(Fd fd, uint request, UserPtr<byte> argument)
        {
            if ((uint)fd.Number > 2) return Errno.EBADF;
            if (request != TIOCGWINSZ) return Errno.ENOTTY;
            Span<byte> bytes = stackalloc byte[Winsize.Size];
            bytes.Clear();
            var size = new Winsize(bytes);
            size.ws_row = Rows;
            size.ws_col = Columns;
            return UserMemory.Write(argument, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
