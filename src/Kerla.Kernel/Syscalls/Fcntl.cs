using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // fcntl(2): descriptor duplication, FD_CLOEXEC, the status flags that can
    // change (O_APPEND, O_NONBLOCK), and record locks: POSIX (F_SETLK, F_SETLKW,
    // F_GETLK) and open file description ones (F_OFD_*).
    public static class Fcntl
    {
        public enum Command
        {
            F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7,
            F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_DUPFD_CLOEXEC = 1030,
        }
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
                case Command.F_GETLK:
                case Command.F_SETLK:
                case Command.F_SETLKW:
                case Command.F_OFD_GETLK:
                case Command.F_OFD_SETLK:
                case Command.F_OFD_SETLKW:
                    return Lock(file, command, new UserPtr<byte>(argument));
                default:
                    return Errno.EINVAL;
            }
        }

        private const short F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;

        private static SyscallResult Lock(OpenFile file, Command command, UserPtr<byte> argument)
        {
            Span<byte> bytes = stackalloc byte[StructFlock.Size];
            if (!UserMemory.Read(argument, bytes)) return Errno.EFAULT;
            var request = new StructFlock(bytes);
            bool ofd = command >= Command.F_OFD_GETLK;
            if ((file.Flags & OpenFile.O_PATH) != 0) return Errno.EBADF;
            short type = request.l_type;
            if (type != F_RDLCK && type != F_WRLCK && type != F_UNLCK) return Errno.EINVAL;
            // OFD locks have no owning process: l_pid must be 0 going in.
            if (ofd && request.l_pid != 0) return Errno.EINVAL;

            // The range, from l_whence, l_start and l_len (0: to the end, however
            // far it grows; negative: the bytes before l_start).
            long origin = request.l_whence switch { 0 => 0, 1 => file.Offset, 2 => file.Inode.Size, _ => -1 };
            if (origin < 0) return Errno.EINVAL;
            long start = origin + request.l_start, length = request.l_len, end;
            if (length > 0) end = start + length > start ? start + length : RecordLocks.ToEnd;
            else if (length == 0) end = RecordLocks.ToEnd;
            else
            {
                end = start;
                start += length;
            }
            if (start < 0) return Errno.EINVAL;

            UserProcess process = UserProcess.Current!;
            object owner = ofd ? file : process;
            RecordLocks locks = file.Inode.RecordLocks ??= new RecordLocks();
            if (command == Command.F_GETLK || command == Command.F_OFD_GETLK)
            {
                if (type == F_UNLCK) return Errno.EINVAL;
                RecordLocks.Range? conflict = locks.Conflict(owner, type == F_WRLCK, start, end);
                if (conflict is null) request.l_type = F_UNLCK;
                else
                {
                    request.l_type = conflict.Write ? F_WRLCK : F_RDLCK;
                    request.l_whence = 0;
                    request.l_start = conflict.Start;
                    request.l_len = conflict.End == RecordLocks.ToEnd ? 0 : conflict.End - conflict.Start;
                    request.l_pid = conflict.Pid;
                }
                return UserMemory.Write(argument, bytes) ? 0 : Errno.EFAULT;
            }

            // A lock needs the matching access: reading for F_RDLCK, writing for F_WRLCK.
            if ((type == F_RDLCK && !file.CanRead) || (type == F_WRLCK && !file.CanWrite)) return Errno.EBADF;
            bool wait = command == Command.F_SETLKW || command == Command.F_OFD_SETLKW;
            if (type != F_UNLCK)
            {
                while (locks.Conflict(owner, type == F_WRLCK, start, end) is RecordLocks.Range holder)
                {
                    if (!wait) return Errno.EAGAIN;
                    if (!ofd && holder.Owner is UserProcess && RecordLocks.WouldDeadlock(owner, holder.Owner)) return Errno.EDEADLK;
                    if (Signals.Interrupted) return Signals.ERESTARTSYS;
                    RecordLocks.StartWaiting(owner, holder.Owner);
                    locks.Waiters.Wait();
                    RecordLocks.StopWaiting(owner);
                }
            }
            locks.Set(owner, ofd ? -1 : process.Pid, type == F_UNLCK, type == F_WRLCK, start, end);
            return 0;
        }
    }
}
