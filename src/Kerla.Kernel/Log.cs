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
    // console log level (`loglevel=`, `quiet` = 4), as on Linux.
    public static class Log
    {
        private static Platform? s_platform;

        public static int ConsoleLevel { get; set; } = 7;

        public static void Attach(Platform platform) => s_platform = platform;

        public static void Emergency(string message) => Write(LogLevel.Emergency, message);
        public static void Error(string message) => Write(LogLevel.Error, message);
        public static void Warning(string message) => Write(LogLevel.Warning, message);
        public static void Notice(string message) => Write(LogLevel.Notice, message);
        public static void Info(string message) => Write(LogLevel.Info, message);
        public static void Debug(string message) => Write(LogLevel.Debug, message);

        public static void Write(LogLevel level, string message)
        {
            if ((int)level >= ConsoleLevel || s_platform is null) return;
            WriteTimestamp(s_platform.NanosecondsSinceBoot);
            WriteRaw(message);
            WriteRaw("\n");
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
