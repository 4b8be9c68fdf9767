namespace Kerla.Kernel
{
    // Message levels, as printk's KERN_* (include/linux/kern_levels.h).
    public enum LogLevel
    {
        Emergency = 0,
        Alert = 1,
        Critical = 2,
        Error = 3,
        Warning = 4,
        Notice = 5,
        Info = 6,
        Debug = 7,
    }

    // The kernel log (printk): each line stamped with the time since boot,
    // `[    1.234567] message`, written to the console when its level is below the
    // console log level (`loglevel=`, `quiet` = 4), as on Linux, and kept, at
    // every level, in a ring buffer that syslog(2) reads (`<6>[...] message`).
    public static class Log
    {
        private static Platform? s_platform;
        public const int BufferSize = 16384;
        private static readonly byte[] s_ring = new byte[BufferSize];
        // Bytes ever written, and the first not yet taken by SYSLOG_ACTION_READ.
        private static ulong s_written, s_read;

        public static ulong Written => s_written;

        // Messages ever written (the sequence number /dev/kmsg gives the next).
        public static ulong Records { get; private set; }

        // Readers waiting for new messages (SYSLOG_ACTION_READ).
        public static readonly Process.WaitQueue Readers = new Process.WaitQueue();
        public static ulong FirstKept => s_written > BufferSize ? s_written - BufferSize : 0;

        // The kept byte at absolute position `position`.
        public static byte At(ulong position) => s_ring[position % BufferSize];

        public static ulong ReadPosition
        {
            get => s_read < FirstKept ? FirstKept : s_read;
            set => s_read = value;
        }

        // SYSLOG_ACTION_CLEAR: what is kept now is not returned again.
        public static void Clear() => s_read = s_cleared = s_written;

        private static ulong s_cleared;
        public static ulong FirstUncleared => s_cleared < FirstKept ? FirstKept : s_cleared;

        public static int ConsoleLevel { get; set; } = 7;

        public static void Attach(Platform platform) => s_platform = platform;

        public static void Emergency(string message) => Write(LogLevel.Emergency, message);
        public static void Error(string message) => Write(LogLevel.Error, message);
        public static void Warning(string message) => Write(LogLevel.Warning, message);
        public static void Notice(string message) => Write(LogLevel.Notice, message);
        public static void Info(string message) => Write(LogLevel.Info, message);
        public static void Debug(string message) => Write(LogLevel.Debug, message);

        public static void Write(LogLevel level, string message) => Write((int)level, message);

        // `priority` is syslog's: facility * 8 + level (facility 0 is the kernel's).
        public static void Write(int priority, string message)
        {
            if (s_platform is null) return;
            var level = (LogLevel)(priority & 7);
            ulong now = s_platform.NanosecondsSinceBoot;
            Keep(priority, now, message);
            Readers.WakeAll();
            if ((int)level >= ConsoleLevel) return;
            WriteTimestamp(now);
            WriteRaw(message);
            WriteRaw("\n");
        }

        // "<priority>[seconds.micros] message\n" into the ring, without allocating.
        private static void Keep(int priority, ulong nanoseconds, string message)
        {
            Put((byte)'<');
            PutNumber((ulong)priority, 1, (byte)'0');
            Put((byte)'>');
            Put((byte)'[');
            PutNumber(nanoseconds / 1000000000, 5, (byte)' ');
            Put((byte)'.');
            PutNumber(nanoseconds / 1000 % 1000000, 6, (byte)'0');
            Put((byte)']');
            Put((byte)' ');
            // Control characters as \xNN, as Linux shows them: a record is one line.
            for (int i = 0; i < message.Length; i++)
            {
                char c = message[i];
                if (c < ' ' || c == 0x7f)
                {
                    Put((byte)'\\');
                    Put((byte)'x');
                    Put((byte)"0123456789abcdef"[c >> 4]);
                    Put((byte)"0123456789abcdef"[c & 15]);
                }
                else Put(c < 256 ? (byte)c : (byte)'?');
            }
            Put((byte)'\n');
            Records++;
        }

        private static void Put(byte b) => s_ring[s_written++ % BufferSize] = b;

        private static void PutNumber(ulong value, int width, byte pad)
        {
            int digits = 1;
            for (ulong v = value; v >= 10; v /= 10) digits++;
            for (int i = digits; i < width; i++) Put(pad);
            ulong divisor = 1;
            for (int i = 1; i < digits; i++) divisor *= 10;
            for (; divisor > 0; divisor /= 10) Put((byte)('0' + value / divisor % 10));
        }

        // Straight to the console: no timestamp, no level, no allocation.
        public static void WriteRaw(string text)
        {
            Platform? platform = s_platform;
            if (platform is null) return;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n') platform.ConsoleWrite('\r');
                platform.ConsoleWrite(text[i]);
            }
        }

        private static void WriteTimestamp(ulong nanoseconds)
        {
            ulong seconds = nanoseconds / 1000000000;
            ulong micros = nanoseconds / 1000 % 1000000;
            WriteRaw("[");
            WriteRaw(seconds.ToString().PadLeft(5));
            WriteRaw(".");
            WriteRaw(micros.ToString().PadLeft(6, '0'));
            WriteRaw("] ");
        }
    }
}
