using System;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // /dev/kmsg: the kernel log a message per read, as
    // "level,sequence,microseconds,-;text\n" (a buffer too small for the
    // message is EINVAL); a reader left behind by the ring gets EPIPE once and
    // goes on from the oldest message kept. Reads wait for new messages
    // (O_NONBLOCK: EAGAIN). A write logs its text as the user facility's, at
    // the priority a "<N>" prefix gives (default: warning), as Linux does.
    // Each open's place is its offset in the ring and the sequence number of
    // the message there.
    public sealed class KernelMessages : MemoryClassDevice
    {
        public KernelMessages() : base(11) { Mode = (uint)FileType.CharDevice | 0x1a4; }

        public override bool FillsReads => false;
        public override bool Pollable => true;

        public override long Opened(OpenFile file)
        {
            Rewind(file);
            return 0;
        }

        // To the oldest whole message kept, counting the messages after it.
        private static void Rewind(OpenFile file)
        {
            ulong position = Log.FirstKept;
            if (position > 0)
            {
                while (position < Log.Written && Log.At(position) != (byte)'\n') position++;
                position++;
            }
            ulong later = 0;
            for (ulong p = position; p < Log.Written; p++) if (Log.At(p) == (byte)'\n') later++;
            file.Offset = (long)position;
            file.Version = (uint)(Log.Records - later);
        }

        public override long Read(OpenFile? file, long offset, Span<byte> destination)
        {
            if (file is null) return 0;
            while ((ulong)file.Offset >= Log.Written)
            {
                if ((file.Flags & OpenFile.O_NONBLOCK) != 0) return -(long)Errno.EAGAIN;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                Log.Readers.Wait();
            }
            if ((ulong)file.Offset < Log.FirstKept)
            {
                Rewind(file);
                return -(long)Errno.EPIPE;
            }
            // A kept message: "<priority>[ seconds.micros] text\n".
            ulong p = (ulong)file.Offset + 1, priority = 0;
            while (Log.At(p) != (byte)'>') priority = priority * 10 + (ulong)(Log.At(p++) - '0');
            p += 2; // ">["
            ulong seconds = 0, micros = 0;
            while (Log.At(p) == (byte)' ') p++;
            while (Log.At(p) != (byte)'.') seconds = seconds * 10 + (ulong)(Log.At(p++) - '0');
            p++;
            while (Log.At(p) != (byte)']') micros = micros * 10 + (ulong)(Log.At(p++) - '0');
            p += 2; // "] "
            ulong end = p;
            while (Log.At(end) != (byte)'\n') end++;

            Span<byte> header = stackalloc byte[64];
            var text = new Procfs.ProcText(header);
            text.Append(priority); text.Append(',');
            text.Append((ulong)file.Version); text.Append(',');
            text.Append(seconds * 1000000 + micros); text.Append(",-;");
            int length = text.Length + (int)(end - p) + 1;
            if (destination.Length < length) return -(long)Errno.EINVAL;
            text.Bytes.CopyTo(destination);
            int at = text.Length;
            for (ulong q = p; q <= end; q++) destination[at++] = Log.At(q);
            file.Offset = (long)end + 1;
            file.Version++;
            return length;
        }

        public override long Write(OpenFile? file, long offset, ReadOnlySpan<byte> source)
        {
            const int User = 1 << 3; // LOG_USER
            int priority = User | (int)LogLevel.Warning, start = 0, length = source.Length;
            if (length >= 3 && source[0] == (byte)'<')
            {
                int value = 0, i = 1;
                while (i < length && i < 5 && source[i] >= (byte)'0' && source[i] <= (byte)'9') value = value * 10 + (source[i++] - '0');
                if (i > 1 && i < length && source[i] == (byte)'>')
                {
                    // The facility given, or the user's; never the kernel's.
                    priority = (value & ~7) != 0 ? value & 0x3ff : User | (value & 7);
                    start = i + 1;
                }
            }
            while (length > start && source[length - 1] == (byte)'\n') length--;
            Span<char> chars = length - start <= 512 ? stackalloc char[length - start] : new char[length - start];
            for (int i = start; i < length; i++) chars[i - start] = (char)source[i];
            string message = new string(chars);
            Log.Write(priority, message);
            Memory.KernelObjects.Free(message);
            return source.Length;
        }

        public override int Poll(OpenFile file) => (ulong)file.Offset < Log.Written ? 1 : 0;
    }
}
