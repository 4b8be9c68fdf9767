using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tty
{
    // The terminal ioctls (ioctl_tty(2)): termios, window size, input count,
    // and job control: the controlling terminal of a session and its
    // foreground process group.
    public static class TtyIoctl
    {
        public const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCSCTTY = 0x540e,
            TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541b,
            TIOCGSERIAL = 0x541e, TIOCNOTTY = 0x5422, TIOCGSID = 0x5429;

        public static SyscallResult Handle(LineDiscipline tty, uint request, UserPtr<byte> argument)
        {
            UserProcess caller = UserProcess.Current!;
            // The caller's controlling terminal is this one.
            bool controlling = caller.HasControllingTty && tty.Session == caller.Sid && tty.Session != 0;
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
                case TIOCGWINSZ:
                {
                    Span<byte> bytes = stackalloc byte[Winsize.Size];
                    bytes.Clear();
                    var size = new Winsize(bytes);
                    size.ws_row = tty.Rows;
                    size.ws_col = tty.Columns;
                    return UserMemory.Write(argument, bytes) ? 0 : Errno.EFAULT;
                }
                case TIOCSWINSZ:
                {
                    Span<byte> bytes = stackalloc byte[Winsize.Size];
                    if (!UserMemory.Read(argument, bytes)) return Errno.EFAULT;
                    var size = new Winsize(bytes);
                    bool changed = size.ws_row != tty.Rows || size.ws_col != tty.Columns;
                    tty.Rows = size.ws_row;
                    tty.Columns = size.ws_col;
                    if (changed) tty.SignalForeground(Signals.SIGWINCH);
                    return 0;
                }
                case FIONREAD:
                    return WriteInt(argument, tty.Available);
                case TIOCSCTTY:
                    return SetControlling(tty, caller, controlling, argument.Address == 1);
                case TIOCNOTTY:
                    if (!controlling) return Errno.ENOTTY;
                    if (caller.Sid == caller.Pid) tty.Hangup();
                    caller.HasControllingTty = false;
                    return 0;
                case TIOCGPGRP:
                    return controlling ? WriteInt(argument, tty.ForegroundGroup) : Errno.ENOTTY;
                case TIOCGSID:
                    return controlling ? WriteInt(argument, tty.Session) : Errno.ENOTTY;
                case TIOCSPGRP:
                {
                    if (!controlling) return Errno.ENOTTY;
                    Span<byte> bytes = stackalloc byte[4];
                    if (!UserMemory.Read(argument, bytes)) return Errno.EFAULT;
                    int group = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes);
                    if (group < 0) return Errno.EINVAL;
                    if (!ProcessTree.GroupExists(group, caller.Sid)) return Errno.EPERM;
                    tty.ForegroundGroup = group;
                    return 0;
                }
                case TIOCGSERIAL:
                    return SerialInfo(argument);
            }
            return Errno.ENOTTY;
        }

        // TIOCSCTTY: a session leader without a terminal takes this one; one that
        // another session holds only by root asking to steal it (argument 1).
        private static SyscallResult SetControlling(LineDiscipline tty, UserProcess caller, bool controlling, bool steal)
        {
            if (controlling) return 0;
            if (caller.Sid != caller.Pid || caller.HasControllingTty) return Errno.EPERM;
            if (tty.Session != 0)
            {
                if (!steal || !caller.Credentials.IsPrivileged) return Errno.EPERM;
                TakeFrom(Init.Process, tty.Session);
            }
            tty.Session = caller.Sid;
            tty.ForegroundGroup = caller.Pgid;
            caller.HasControllingTty = true;
            return 0;
        }

        private static void TakeFrom(UserProcess? process, int session)
        {
            if (process is null) return;
            if (process.Sid == session) process.HasControllingTty = false;
            foreach (UserProcess? child in process.Children) TakeFrom(child, session);
        }

        // The 16550 at COM1: BusyBox's cttyhack asks to find the console's /dev/ttyS<line>.
        private static SyscallResult SerialInfo(UserPtr<byte> argument)
        {
            Span<byte> bytes = stackalloc byte[SerialStruct.Size];
            bytes.Clear();
            var serial = new SerialStruct(bytes);
            serial.type = 4; // PORT_16550A
            serial.line = 0;
            serial.port = 0x3f8;
            serial.irq = 4;
            serial.xmit_fifo_size = 16;
            serial.baud_base = 115200;
            return UserMemory.Write(argument, bytes) ? 0 : Errno.EFAULT;
        }

        private static SyscallResult WriteInt(UserPtr<byte> argument, int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            return UserMemory.Write(argument, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
