namespace System
{
    // Integer and floating-point formatting for ToString().
    internal static class Number
    {
        internal static string FormatUnsigned(ulong value)
        {
            Span<char> buffer = stackalloc char[20];
            int pos = buffer.Length;
            do
            {
                buffer[--pos] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            return string.FromSpan(buffer.Slice(pos));
        }

        internal static string FormatSigned(long value)
        {
            if (value >= 0) return FormatUnsigned((ulong)value);
            return string.Concat("-", FormatUnsigned((ulong)(-(value + 1)) + 1));
        }

        internal static string FormatHex(ulong value, bool upper)
        {
            Span<char> buffer = stackalloc char[16];
            int pos = buffer.Length;
            char ten = upper ? 'A' : 'a';
            do
            {
                int digit = (int)(value & 0xf);
                buffer[--pos] = (char)(digit < 10 ? '0' + digit : ten + digit - 10);
                value >>= 4;
            } while (value != 0);
            return string.FromSpan(buffer.Slice(pos));
        }

        // Fixed notation with up to six decimals, trailing zeros removed: enough for logs.
        internal static string FormatDouble(double value)
        {
            if (value != value) return "NaN";
            if (value > 1.7976931348623157e308) return "Infinity";
            if (value < -1.7976931348623157e308) return "-Infinity";
            bool negative = value < 0;
            if (negative) value = -value;
            if (value >= 1e18) return negative ? "-1E+18+" : "1E+18+";
            ulong whole = (ulong)value;
            ulong fraction = (ulong)((value - whole) * 1000000.0 + 0.5);
            if (fraction >= 1000000) { whole++; fraction -= 1000000; }
            string result = FormatUnsigned(whole);
            if (fraction != 0)
            {
                string digits = FormatUnsigned(fraction).PadLeft(6, '0');
                int end = digits.Length;
                while (digits[end - 1] == '0') end--;
                result = string.Concat(result, ".", digits.Substring(0, end));
            }
            return negative ? string.Concat("-", result) : result;
        }
    }
}
