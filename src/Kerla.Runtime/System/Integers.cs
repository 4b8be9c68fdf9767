// The integer primitives. ilc knows them by name; their methods are ours.
namespace System
{
    public readonly struct SByte
    {
        private readonly sbyte m_value;
        public const sbyte MinValue = -128;
        public const sbyte MaxValue = 127;
        public override bool Equals(object? obj) => obj is sbyte other && other == m_value;
        public bool Equals(sbyte other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.FormatSigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((byte)m_value, format == "X") : ToString();
        public int CompareTo(sbyte other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct Byte
    {
        private readonly byte m_value;
        public const byte MinValue = 0;
        public const byte MaxValue = 255;
        public override bool Equals(object? obj) => obj is byte other && other == m_value;
        public bool Equals(byte other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.FormatUnsigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ulong)m_value, format == "X") : ToString();
        public int CompareTo(byte other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct Int16
    {
        private readonly short m_value;
        public const short MinValue = -32768;
        public const short MaxValue = 32767;
        public override bool Equals(object? obj) => obj is short other && other == m_value;
        public bool Equals(short other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.FormatSigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ushort)m_value, format == "X") : ToString();
        public int CompareTo(short other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct UInt16
    {
        private readonly ushort m_value;
        public const ushort MinValue = 0;
        public const ushort MaxValue = 65535;
        public override bool Equals(object? obj) => obj is ushort other && other == m_value;
        public bool Equals(ushort other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.FormatUnsigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ulong)m_value, format == "X") : ToString();
        public int CompareTo(ushort other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct Int32
    {
        private readonly int m_value;
        public const int MinValue = -2147483648;
        public const int MaxValue = 2147483647;
        public override bool Equals(object? obj) => obj is int other && other == m_value;
        public bool Equals(int other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => Number.FormatSigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((uint)m_value, format == "X") : ToString();
        public int CompareTo(int other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct UInt32
    {
        private readonly uint m_value;
        public const uint MinValue = 0U;
        public const uint MaxValue = 4294967295U;
        public override bool Equals(object? obj) => obj is uint other && other == m_value;
        public bool Equals(uint other) => other == m_value;
        public override int GetHashCode() => (int)m_value;
        public override string ToString() => Number.FormatUnsigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ulong)m_value, format == "X") : ToString();
        public int CompareTo(uint other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct Int64
    {
        private readonly long m_value;
        public const long MinValue = unchecked((long)0x8000000000000000);
        public const long MaxValue = 9223372036854775807L;
        public override bool Equals(object? obj) => obj is long other && other == m_value;
        public bool Equals(long other) => other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.FormatSigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ulong)m_value, format == "X") : ToString();
        public int CompareTo(long other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

    public readonly struct UInt64
    {
        private readonly ulong m_value;
        public const ulong MinValue = 0UL;
        public const ulong MaxValue = 18446744073709551615UL;
        public override bool Equals(object? obj) => obj is ulong other && other == m_value;
        public bool Equals(ulong other) => other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public override string ToString() => Number.FormatUnsigned(m_value);
        public string ToString(string? format) => format == "x" || format == "X" ? Number.FormatHex((ulong)m_value, format == "X") : ToString();
        public int CompareTo(ulong other) => m_value < other ? -1 : m_value > other ? 1 : 0;
    }

}
