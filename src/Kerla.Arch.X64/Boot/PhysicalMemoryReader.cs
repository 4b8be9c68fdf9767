using System;

namespace Kerla.Arch.X64.Boot
{
    // Read access to physical memory for the boot-information parsers, so they can
    // run over a byte array in the host tests and over the direct map in the kernel.
    public abstract class PhysicalMemoryReader
    {
        public abstract ReadOnlySpan<byte> Read(ulong address, int length);

        // A NUL-terminated Latin-1 string, at most `limit` bytes.
        public string ReadCString(ulong address, int limit)
        {
            if (address == 0) return "";
            ReadOnlySpan<byte> bytes = Read(address, limit);
            int end = bytes.IndexOf((byte)0);
            return Latin1(end < 0 ? bytes : bytes.Slice(0, end));
        }

        internal static string Latin1(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = bytes.Length <= 512 ? stackalloc char[bytes.Length] : new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        public static uint U32(ReadOnlySpan<byte> b, int offset) =>
            (uint)(b[offset] | b[offset + 1] << 8 | b[offset + 2] << 16 | b[offset + 3] << 24);

        public static ulong U64(ReadOnlySpan<byte> b, int offset) => U32(b, offset) | (ulong)U32(b, offset + 4) << 32;
    }
}
