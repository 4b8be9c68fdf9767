using System;

namespace Kerla.Kernel.Syscalls
{
    // strace-like lines on the console, from the command line:
    //   kerla.strace=all | kerla.strace=write,uname   which syscalls
    //   kerla.strace.pid=1,42                           which processes (default: all)
    // Each line: [pid 1] write(1, "hello\n", 6) = 6, or = -1 EBADF (Bad file descriptor).
    public static class SyscallTrace
    {
        private const int MaxShown = 32;
        private static string[]? s_names;
        private static int[]? s_pids;
        private static bool s_all;

        public static bool Enabled { get; private set; }

        public static void Configure(Boot.CommandLine commandLine)
        {
            string? names = commandLine.Get("kerla.strace");
            if (names is null) return;
            Enabled = true;
            s_all = names == "all" || names == "1" || names.Length == 0;
            s_names = Split(names);
            string? pids = commandLine.Get("kerla.strace.pid");
            if (pids is not null)
            {
                string[] words = Split(pids);
                s_pids = new int[words.Length];
                for (int i = 0; i < words.Length; i++) s_pids[i] = new Boot.CommandLine("n=" + words[i]).GetInt("n", -1);
            }
        }

        internal static void Print(long number, in SyscallArgs args, long result, string? format)
        {
            string name = SyscallTable.NameOf((int)number);
            if (!Wanted(name, KernelHost.CurrentPid)) return;
            string line = string.Concat("[pid ", KernelHost.CurrentPid.ToString(), "] ", name, "(");
            if (format is null)
            {
                // Not implemented: the raw registers, as strace shows an unknown call.
                line = string.Concat(line, "0x", args.Arg0.ToString("x"), ", 0x", args.Arg1.ToString("x"), ", 0x", args.Arg2.ToString("x"));
            }
            else
            {
                for (int i = 0; i < format.Length / 2; i++)
                {
                    if (i > 0) line = string.Concat(line, ", ");
                    line = string.Concat(line, Argument(format[i * 2], format[i * 2 + 1], args, args[i]));
                }
            }
            line = string.Concat(line, ") = ", Result(result), "\n");
            Log.WriteRaw(line);
        }

        private static bool Wanted(string name, int pid)
        {
            if (s_pids is not null)
            {
                bool found = false;
                foreach (int p in s_pids) found |= p == pid;
                if (!found) return false;
            }
            if (s_all) return true;
            foreach (string n in s_names!) if (n == name) return true;
            return false;
        }

        private static string Result(long result)
        {
            if (result < 0 && result >= -4095)
            {
                var errno = (Errno)(-result);
                return string.Concat("-1 ", ErrnoInfo.Name(errno) ?? (-result).ToString(), " (", ErrnoInfo.Message(errno) ?? "Unknown error", ")");
            }
            return result.ToString();
        }

        private static string Argument(char kind, char lengthIndex, in SyscallArgs args, ulong value)
        {
            switch (kind)
            {
                case 'd': return ((long)value).ToString();
                case 'x': return string.Concat("0x", value.ToString("x"));
                case 'p': return value == 0 ? "NULL" : string.Concat("0x", value.ToString("x"));
                case 's': return UserString(value);
                case 'b': return UserBuffer(value, args[lengthIndex - '0']);
                default: return value.ToString();
            }
        }

        private static string UserString(ulong address)
        {
            if (address == 0) return "NULL";
            Span<byte> buffer = stackalloc byte[MaxShown];
            if (!UserMemory.ReadCString(address, buffer, out int length, out bool complete))
                return string.Concat("0x", address.ToString("x"));
            return string.Concat(Quote(buffer.Slice(0, length)), complete ? "" : "...");
        }

        private static string UserBuffer(ulong address, ulong length)
        {
            Span<byte> buffer = stackalloc byte[MaxShown];
            int shown = length < MaxShown ? (int)length : MaxShown;
            if (!KernelHost.Platform.CopyFromUser(address, buffer.Slice(0, shown)))
                return string.Concat("0x", address.ToString("x"));
            return string.Concat(Quote(buffer.Slice(0, shown)), (ulong)shown < length ? "..." : "");
        }

        // C-style escapes, as strace prints them.
        private static string Quote(ReadOnlySpan<byte> bytes)
        {
            Span<char> text = stackalloc char[bytes.Length * 4 + 2];
            int n = 0;
            text[n++] = '"';
            foreach (byte b in bytes)
            {
                char escape = b switch { (byte)'\n' => 'n', (byte)'\t' => 't', (byte)'\r' => 'r', (byte)'"' => '"', (byte)'\\' => '\\', _ => '\0' };
                if (escape != '\0') { text[n++] = '\\'; text[n++] = escape; }
                else if (b >= 0x20 && b < 0x7f) text[n++] = (char)b;
                else
                {
                    text[n++] = '\\';
                    text[n++] = 'x';
                    text[n++] = "0123456789abcdef"[b >> 4];
                    text[n++] = "0123456789abcdef"[b & 15];
                }
            }
            text[n++] = '"';
            return new string(text.Slice(0, n));
        }

        private static string[] Split(string list)
        {
            int count = 1;
            for (int i = 0; i < list.Length; i++) if (list[i] == ',') count++;
            string[] parts = new string[count];
            int start = 0, index = 0;
            for (int i = 0; i <= list.Length; i++)
            {
                if (i < list.Length && list[i] != ',') continue;
                parts[index++] = list.Substring(start, i - start);
                start = i + 1;
            }
            return parts;
        }
    }
}
