namespace System
{
    // The span extension methods the kernel uses, with the BCL's names, so the same
    // sources compile against the real BCL in the host tests.
    public static class MemoryExtensions
    {
        // C# 14 lowers the string-to-span conversion into a call of this method, so it
        // must build the span itself.
        public static ReadOnlySpan<char> AsSpan(this string? text) =>
            text is null ? default : new ReadOnlySpan<char>(ref text.GetRawData(), text.Length);

        public static ReadOnlySpan<char> AsSpan(this string? text, int start) => AsSpan(text).Slice(start);

        public static ReadOnlySpan<char> AsSpan(this string? text, int start, int length) => AsSpan(text).Slice(start, length);

        public static Span<T> AsSpan<T>(this T[]? array) => new Span<T>(array);

        public static Span<T> AsSpan<T>(this T[]? array, int start) => new Span<T>(array).Slice(start);

        public static Span<T> AsSpan<T>(this T[]? array, int start, int length) => new Span<T>(array, start, length);

        public static bool SequenceEqual(this ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        public static bool SequenceEqual(this Span<char> a, ReadOnlySpan<char> b) => SequenceEqual((ReadOnlySpan<char>)a, b);

        public static bool SequenceEqual(this ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        public static bool SequenceEqual(this Span<byte> a, ReadOnlySpan<byte> b) => SequenceEqual((ReadOnlySpan<byte>)a, b);

        public static bool StartsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value) =>
            value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static bool StartsWith(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> value) =>
            value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static int IndexOf(this ReadOnlySpan<char> span, char value)
        {
            for (int i = 0; i < span.Length; i++) if (span[i] == value) return i;
            return -1;
        }

        public static int IndexOf(this Span<char> span, char value) => IndexOf((ReadOnlySpan<char>)span, value);

        public static int IndexOf(this ReadOnlySpan<byte> span, byte value)
        {
            for (int i = 0; i < span.Length; i++) if (span[i] == value) return i;
            return -1;
        }

        public static int IndexOf(this Span<byte> span, byte value) => IndexOf((ReadOnlySpan<byte>)span, value);

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span)
        {
            int start = 0, end = span.Length;
            while (start < end && char.IsWhiteSpace(span[start])) start++;
            while (end > start && char.IsWhiteSpace(span[end - 1])) end--;
            return span.Slice(start, end - start);
        }
    }
}
