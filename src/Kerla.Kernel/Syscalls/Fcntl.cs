using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // fcntl(2): descriptor duplication, FD_CLOEXEC, and the status flags that can
    // change (O_APPEND, O_NONBLOCK). Locks come with the filesystem issue.
    public static class Fcntl
    {
        public enum Command { F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030 }
        private const int FD_CLOEXEC = 1;

        [Syscall(SyscallNumber.Fcntl)]
        public static SyscallResult Handle(Fd fd, Command command, ulong argument)
        {
            FileTable table = FileTable.Current;
            OpenFile? file = table.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            switch (command)
            {
                case Command.F_DUPFD:
                case Command.F_DUPFD_CLOEXEC:
                    if (argument >= FileTable.Max) return Errno.EINVAL;
                    return table.Add(file, command == Command.F_DUPFD_CLOEXEC, (int)argument);
                case Command.F_GETFD:
                    return table.CloseOnExec(fd.Number) ? FD_CLOEXEC : 0;
                case Command.F_SETFD:
                    table.SetCloseOnExec(fd.Number, (argument & FD_CLOEXEC) != 0);
                    return 0;
                case Command.F_GETFL:
                    return file.Flags;
                case Command.F_SETFL:
                    const int changeable = OpenFile.O_APPEND | OpenFile.O_NONBLOCK;
                    file.Flags = (file.Flags & ~changeable) | ((int)argument & changeable);
                    return 0;
                default:
                    return Errno.EINVAL;
            }
        }
    }
}
