using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // ioctl(2) on the console: its termios (TCGETS, TCSETS, TCSETSW, TCSETSF)
    // and window size. Requests it does not implement yet (job control's
    // TIOCGPGRP and friends) are ENOTTY, as Linux answers a request a device
    // does not know; any other file is ENOTTY too.
    public static class Ioctl
    {
        public const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCGWINSZ = 0x5413;
        public const ushort Rows = 24, Columns = 80;

        [Syscall(SyscallNumber.Ioctl)]
        public static SyscallResult Handle(Fd fd, uint request, UserPtr<byte> argument)
        {
            Fs.OpenFile? file = Fs.FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            if (file.Inode != Fs.ConsoleInode.Instance) return Errno.ENOTTY;
            Tty.LineDiscipline tty = Tty.LineDiscipline.Console;
            switch (request)
            {
                case TCGETS:
                    return UserMemory.Write(argument, tty.Termios) ? 0 : Errno.EFAULT;
                case TCSETS:
                case TCSETSW:
                case TCSETSF:
                    Span<byte> termios = stackalloc byte[Termios.Size];
                    if (!UserMemory.Read(argument, termios)) return Errno.EFAULT;
                    tty.SetTermios(termios, flushInput: request == TCSETSF);
                    return 0;
            }
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
