namespace System
{
    public struct Void { }

    public readonly struct Boolean
    {
        private readonly bool m_value;
        public override bool Equals(object? obj) => obj is bool other && other == m_value;
        public bool Equals(bool other) => other == m_value;
        public override int GetHashCode() => m_value ? 1 : 0;
        public override string ToString() => m_value ? "True" : "False";
    }

    public readonly struct Char
    {
        private readonly char m_value;
        public const char MinValue = '\0';
        public const char MaxValue = '\uffff';
        public override bool Equals(object? obj) => obj is char other && other == m_value;
        public bool Equals(char other) => other == m_value;
        public override int GetHashCode() => m_value;
        public override string ToString() => string.FromChar(m_value);
        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');
    }

    public readonly unsafe struct IntPtr
    {
        private readonly void* m_value;
        public static readonly nint Zero;
        public static int Size => sizeof(nint);
        public IntPtr(int value) { m_value = (void*)value; }
        public IntPtr(long value) { m_value = (void*)value; }
        public IntPtr(void* value) { m_value = value; }
        public override bool Equals(object? obj) => obj is nint other && other == (nint)m_value;
        public override int GetHashCode() => (int)(long)m_value ^ (int)((long)m_value >> 32);
        public override string ToString() => Number.FormatSigned((long)m_value);
        public void* ToPointer() => m_value;
    }

    public readonly unsafe struct UIntPtr
    {
        private readonly void* m_value;
        public static readonly nuint Zero;
        public static int Size => sizeof(nuint);
        public UIntPtr(uint value) { m_value = (void*)value; }
        public UIntPtr(ulong value) { m_value = (void*)value; }
        public UIntPtr(void* value) { m_value = value; }
        public override bool Equals(object? obj) => obj is nuint other && other == (nuint)m_value;
        public override int GetHashCode() => (int)(ulong)m_value ^ (int)((ulong)m_value >> 32);
        public override string ToString() => Number.FormatUnsigned((ulong)m_value);
        public void* ToPointer() => m_value;
    }

    public readonly struct Single
    {
        private readonly float m_value;
        public override bool Equals(object? obj) => obj is float other && other == m_value;
        public override int GetHashCode() => (int)m_value;
        public override string ToString() => Number.FormatDouble(m_value);
    }

    public readonly struct Double
    {
        private readonly double m_value;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public override bool Equals(object? obj) => obj is double other && other == m_value;
        public override int GetHashCode() => (int)m_value;
        public override string ToString() => Number.FormatDouble(m_value);
        public static bool IsNaN(double d) => d != d;
    }

    public abstract class ValueType
    {
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);
        public override int GetHashCode() => 0;
    }

    public abstract class Enum : ValueType { }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;
        public Nullable(T value) { this.value = value; hasValue = true; }
        public readonly bool HasValue => hasValue;
        public readonly T Value
        {
            get
            {
                if (!hasValue) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidOperationException();
                return value;
            }
        }
        public readonly T GetValueOrDefault() => value;
        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;
        public static implicit operator T?(T value) => new T?(value);
        public static explicit operator T(T? value) => value!.Value;
    }

    public struct RuntimeTypeHandle { internal IntPtr _value; }
    public struct RuntimeMethodHandle { internal IntPtr _value; }
    public struct RuntimeFieldHandle { internal IntPtr _value; }

    public interface IDisposable { void Dispose(); }
    public interface IEquatable<T> { bool Equals(T other); }
    public interface IComparable<T> { int CompareTo(T other); }
}
