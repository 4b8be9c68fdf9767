using System;

namespace Kerla.Kernel.Fs.Procfs
{
    // Builds a /proc file's text in a buffer without allocating (files are
    // generated on every read, as Linux's seq_file does).
    public ref struct ProcText
    {
        private readonly Span<byte> _buffer;
        public int Length;

        public ProcText(Span<byte> buffer)
        {
            _buffer = buffer;
            Length = 0;
        }

        public ReadOnlySpan<byte> Bytes => _buffer.Slice(0, Length);

        // read(2) of the text at `offset`: the bytes copied (0 past the end).
        public long CopyOut(long offset, Span<byte> destination)
        {
            if (offset >= Length) return 0;
            int count = Math.Min(destination.Length, Length - (int)offset);
            Bytes.Slice((int)offset, count).CopyTo(destination);
            return count;
        }

        public void Append(string text)
        {
            for (int i = 0; i < text.Length && Length < _buffer.Length; i++) _buffer[Length++] = (byte)text[i];
        }

        public void Append(char c)
        {
            if (Length < _buffer.Length) _buffer[Length++] = (byte)c;
        }

        public void Append(ulong value)
        {
            Span<byte> digits = stackalloc byte[20];
            int n = 0;
            do { digits[n++] = (byte)('0' + value % 10); value /= 10; } while (value != 0);
            while (n > 0) Append((char)digits[--n]);
        }

        public void Append(long value)
        {
            if (value < 0)
            {
                Append('-');
                Append((ulong)(-value));
            }
            else Append((ulong)value);
        }

        // "value" right-aligned in `width` characters (meminfo's columns).
        public void AppendPadded(ulong value, int width)
        {
            int digits = 1;
            for (ulong v = value; v >= 10; v /= 10) digits++;
            for (int i = digits; i < width; i++) Append(' ');
            Append(value);
        }

        // Seconds with two decimals, from nanoseconds (/proc/uptime).
        public void AppendCentiseconds(ulong nanoseconds)
        {
            ulong cs = nanoseconds / 10000000;
            Append(cs / 100);
            Append('.');
            Append((char)('0' + cs % 100 / 10));
            Append((char)('0' + cs % 10));
        }
    }
}
