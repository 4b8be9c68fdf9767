using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // UTF-16 string. ilc requires exactly these two fields, by these names, in this order.
    public sealed unsafe class String
    {
#pragma warning disable CS0649
        private readonly int _stringLength;
        private char _firstChar;
#pragma warning restore CS0649

        public static readonly string Empty = "";

        public int Length => _stringLength;

        // `new string(...)`: ilc turns each constructor into a call to the static
        // Ctor with the same parameters, which allocates and returns the string.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static string Ctor(ReadOnlySpan<char> value) => FromSpan(value);

        private static string Ctor(char[] value) => FromSpan(value);

        private static string Ctor(char c, int count)
        {
            string s = FastAllocateString(count);
            new Span<char>(ref s._firstChar, count).Fill(c);
            return s;
        }

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        internal ref char GetRawData() => ref _firstChar;

        // A zeroed string of the given length, filled in by the caller before anyone sees it.
        internal static string FastAllocateString(int length)
        {
            if (length == 0) return Empty;
            MethodTable* mt = "".GetMethodTable();
            return Unsafe.As<string>(Kerla.Runtime.ObjectAllocator.AllocateArray(mt, length));
        }

        public static string FromChar(char c)
        {
            string s = FastAllocateString(1);
            s._firstChar = c;
            return s;
        }

        public static string FromSpan(ReadOnlySpan<char> chars)
        {
            string s = FastAllocateString(chars.Length);
            chars.CopyTo(new Span<char>(ref s._firstChar, chars.Length));
            return s;
        }

        // ASCII/Latin-1 bytes to a string (the kernel command line, boot loader names).
        public static string FromLatin1(ReadOnlySpan<byte> bytes)
        {
            string s = FastAllocateString(bytes.Length);
            for (int i = 0; i < bytes.Length; i++) Unsafe.Add(ref s._firstChar, i) = (char)bytes[i];
            return s;
        }

        private ReadOnlySpan<char> AsSpan() => new ReadOnlySpan<char>(ref _firstChar, _stringLength);

        public static implicit operator ReadOnlySpan<char>(string? value) =>
            value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        public static string Concat(string? a, string? b)
        {
            a ??= Empty;
            b ??= Empty;
            string s = FastAllocateString(a.Length + b.Length);
            Span<char> dest = new Span<char>(ref s._firstChar, s._stringLength);
            a.AsSpan().CopyTo(dest);
            b.AsSpan().CopyTo(dest.Slice(a.Length));
            return s;
        }

        // One allocation each: the kernel frees strings explicitly, and an
        // intermediate string would be garbage nobody frees.
        public static string Concat(string? a, string? b, string? c) => Concat(a, b, c, null);

        public static string Concat(string? a, string? b, string? c, string? d)
        {
            a ??= Empty;
            b ??= Empty;
            c ??= Empty;
            d ??= Empty;
            string s = FastAllocateString(a.Length + b.Length + c.Length + d.Length);
            Span<char> dest = new Span<char>(ref s._firstChar, s._stringLength);
            a.AsSpan().CopyTo(dest);
            b.AsSpan().CopyTo(dest.Slice(a.Length));
            c.AsSpan().CopyTo(dest.Slice(a.Length + b.Length));
            d.AsSpan().CopyTo(dest.Slice(a.Length + b.Length + c.Length));
            return s;
        }
        public static string Concat(object? a, object? b) => Concat(a?.ToString(), b?.ToString());
        public static string Concat(object? a, object? b, object? c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        public static string Concat(params string?[] values)
        {
            string result = Empty;
            for (int i = 0; i < values.Length; i++) result = Concat(result, values[i]);
            return result;
        }

        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            string s = FastAllocateString(a.Length + b.Length);
            Span<char> dest = new Span<char>(ref s._firstChar, s._stringLength);
            a.CopyTo(dest);
            b.CopyTo(dest.Slice(a.Length));
            return s;
        }

        public static bool operator ==(string? a, string? b) => Equals(a, b);
        public static bool operator !=(string? a, string? b) => !Equals(a, b);

        public static bool Equals(string? a, string? b)
        {
            if ((object?)a == b) return true;
            if (a is null || b is null || a._stringLength != b._stringLength) return false;
            return a.AsSpan().SequenceEqual(b.AsSpan());
        }

        public override bool Equals(object? obj) => obj is string s && Equals(this, s);
        public bool Equals(string? other) => Equals(this, other);

        // FNV-1a: stable across boots, which a kernel hash table does not mind.
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            for (int i = 0; i < _stringLength; i++) hash = (hash ^ Unsafe.Add(ref _firstChar, i)) * 16777619;
            return (int)hash;
        }

        public override string ToString() => this;

        public static bool IsNullOrEmpty(string? value) => value is null || value._stringLength == 0;

        public string Substring(int start) => Substring(start, _stringLength - start);

        public string Substring(int start, int length)
        {
            if ((uint)start > (uint)_stringLength || (uint)length > (uint)(_stringLength - start))
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (start == 0 && length == _stringLength) return this;
            return FromSpan(AsSpan().Slice(start, length));
        }

        public int IndexOf(char c) => AsSpan().IndexOf(c);

        public bool StartsWith(string value) => AsSpan().StartsWith(value.AsSpan());

        public bool EndsWith(string value) =>
            value._stringLength <= _stringLength && AsSpan().Slice(_stringLength - value._stringLength).SequenceEqual(value.AsSpan());

        public bool Contains(char c) => IndexOf(c) >= 0;

        public int LastIndexOf(char c)
        {
            for (int i = _stringLength - 1; i >= 0; i--)
                if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        public string TrimStart(char c)
        {
            int start = 0;
            while (start < _stringLength && Unsafe.Add(ref _firstChar, start) == c) start++;
            return Substring(start);
        }

        public string PadLeft(int totalWidth, char padding = ' ')
        {
            if (totalWidth <= _stringLength) return this;
            string s = FastAllocateString(totalWidth);
            Span<char> dest = new Span<char>(ref s._firstChar, totalWidth);
            int pad = totalWidth - _stringLength;
            dest.Slice(0, pad).Fill(padding);
            AsSpan().CopyTo(dest.Slice(pad));
            return s;
        }

        public string PadRight(int totalWidth, char padding = ' ')
        {
            if (totalWidth <= _stringLength) return this;
            string s = FastAllocateString(totalWidth);
            Span<char> dest = new Span<char>(ref s._firstChar, totalWidth);
            AsSpan().CopyTo(dest);
            dest.Slice(_stringLength).Fill(padding);
            return s;
        }
    }
}
