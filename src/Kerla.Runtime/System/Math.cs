using System.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        public static int Abs(int value) { if (value == int.MinValue) ThrowHelpers.ThrowOverflowException(); return value < 0 ? -value : value; }
        public static long Abs(long value) { if (value == long.MinValue) ThrowHelpers.ThrowOverflowException(); return value < 0 ? -value : value; }
        public static double Abs(double value) => value < 0 ? -value : value;
        public static int Min(int a, int b) => a < b ? a : b;
        public static int Max(int a, int b) => a > b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        public static uint Min(uint a, uint b) => a < b ? a : b;
        public static uint Max(uint a, uint b) => a > b ? a : b;
        public static nuint Min(nuint a, nuint b) => a < b ? a : b;
        public static nuint Max(nuint a, nuint b) => a > b ? a : b;

        public static long DivRem(long a, long b, out long result) { result = a % b; return a / b; }

        // Round half to even, as the BCL does.
        public static double Round(double value)
        {
            if (value != value || Abs(value) >= 4503599627370496.0) return value;
            double floor = Floor(value);
            double diff = value - floor;
            if (diff > 0.5 || (diff == 0.5 && ((long)floor & 1) != 0)) return floor + 1;
            return floor;
        }

        public static double Floor(double value)
        {
            if (value != value || Abs(value) >= 4503599627370496.0) return value;
            double truncated = (long)value;
            return truncated > value ? truncated - 1 : truncated;
        }

        public static double Ceiling(double value) => -Floor(-value);

        // Checked conversions ilc calls for `checked((int)d)` and friends.
        internal static int ConvertToInt32Checked(double value)
        {
            if (!(value > -2147483649.0 && value < 2147483648.0)) ThrowHelpers.ThrowOverflowException();
            return (int)value;
        }

        internal static uint ConvertToUInt32Checked(double value)
        {
            if (!(value > -1.0 && value < 4294967296.0)) ThrowHelpers.ThrowOverflowException();
            return (uint)value;
        }

        internal static long ConvertToInt64Checked(double value)
        {
            if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0)) ThrowHelpers.ThrowOverflowException();
            return (long)value;
        }

        internal static ulong ConvertToUInt64Checked(double value)
        {
            if (!(value > -1.0 && value < 18446744073709551616.0)) ThrowHelpers.ThrowOverflowException();
            return ConvertToUInt64(value);
        }

        internal static ulong ConvertToUInt64(double value)
        {
            const double TwoTo63 = 9223372036854775808.0;
            if (!(value >= 0)) return 0;
            if (value < TwoTo63) return (ulong)(long)value;
            if (value < 2 * TwoTo63) return (ulong)(long)(value - TwoTo63) + 0x8000000000000000UL;
            return ulong.MaxValue;
        }

        internal static double ConvertFromUInt64(ulong value)
        {
            if ((long)value >= 0) return (long)value;
            // Halve (keeping the low bit for rounding), convert, double.
            return (double)(long)((value >> 1) | (value & 1)) * 2.0;
        }

        internal static double ConvertFromInt64(long value) => value;

        [RuntimeExport("fmod")]
        internal static double FMod(double x, double y)
        {
            if (y == 0 || x != x || y != y) return double.NaN;
            double quotient = x / y;
            double truncated = quotient < 0 ? Ceiling(quotient) : Floor(quotient);
            return x - truncated * y;
        }

        [RuntimeExport("fmodf")]
        internal static float FModF(float x, float y) => (float)FMod(x, y);
    }

    public static class MathF
    {
        public static float Round(float value) => (float)Math.Round(value);
        public static float Abs(float value) => value < 0 ? -value : value;
    }
}
