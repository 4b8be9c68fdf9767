using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // syslog(2) (klogctl): the kernel log's ring buffer (Log): read all of it,
    // read what is new (waiting for it), clear it, its sizes, and the
    // console's log level. Anything but reading all of it needs root.
    public static class Syslog
    {
        private const int CLOSE = 0, OPEN = 1, READ = 2, READ_ALL = 3, READ_CLEAR = 4, CLEAR = 5, CONSOLE_OFF = 6, CONSOLE_ON = 7,
            CONSOLE_LEVEL = 8, SIZE_UNREAD = 9, SIZE_BUFFER = 10;
        private static int s_savedLevel = -1;

        [Syscall(SyscallNumber.Syslog)]
        public static SyscallResult Handle(int type, UserPtr<byte> buf, int len)
        {
            bool root = UserProcess.Current!.Credentials.IsPrivileged;
            switch (type)
            {
                case CLOSE:
                case OPEN:
                    return 0;
                case SIZE_BUFFER:
                    return Log.BufferSize;
                case SIZE_UNREAD:
                    return (long)(Log.Written - Log.ReadPosition);
                case READ:
                case READ_ALL:
                case READ_CLEAR:
                {
                    if (type != READ_ALL && !root) return Errno.EPERM;
                    if (len < 0) return Errno.EINVAL;
                    if (buf.IsNull) return len == 0 ? 0 : Errno.EINVAL;
                    while (type == READ && Log.Written == Log.ReadPosition)
                    {
                        if (Signals.Interrupted) return Signals.ERESTARTSYS;
                        Log.Readers.Wait();
                    }
                    ulong end = Log.Written;
                    // READ takes the oldest unread; READ_ALL the newest len bytes.
                    ulong start = type == READ ? Log.ReadPosition : Math.Max(Log.FirstUncleared, end > (ulong)len ? end - (ulong)len : 0);
                    if (type == READ) end = Math.Min(end, start + (ulong)len);
                    Span<byte> chunk = stackalloc byte[256];
                    ulong done = 0;
                    while (start + done < end)
                    {
                        int n = (int)Math.Min(256UL, end - start - done);
                        for (int i = 0; i < n; i++) chunk[i] = Log.At(start + done + (ulong)i);
                        if (!UserMemory.Write(new UserPtr<byte>(buf.Address + done), chunk.Slice(0, n))) return Errno.EFAULT;
                        done += (ulong)n;
                    }
                    if (type == READ) Log.ReadPosition = end;
                    if (type == READ_CLEAR) Log.Clear();
                    return (long)done;
                }
                case CLEAR:
                    if (!root) return Errno.EPERM;
                    Log.Clear();
                    return 0;
                case CONSOLE_OFF:
                case CONSOLE_ON:
                case CONSOLE_LEVEL:
                    if (!root) return Errno.EPERM;
                    if (type == CONSOLE_LEVEL)
                    {
                        if (len < 1 || len > 8) return Errno.EINVAL;
                        Log.ConsoleLevel = len;
                        s_savedLevel = -1;
                    }
                    else if (type == CONSOLE_OFF)
                    {
                        if (s_savedLevel < 0) s_savedLevel = Log.ConsoleLevel;
                        Log.ConsoleLevel = 1; // minimum_console_loglevel: emergencies only
                    }
                    else if (s_savedLevel >= 0)
                    {
                        Log.ConsoleLevel = s_savedLevel;
                        s_savedLevel = -1;
                    }
                    return 0;
            }
            return Errno.EINVAL;
        }
    }
}
