using System;
using Kerla.Arch.X64.Memory;

namespace Kerla.Arch.X64.Diagnostics
{
    // The image's symbol table (like Linux's kallsyms), written into section .ksyms
    // by Kerla.Sdk's second link: "KSYM", a count, entries sorted by address
    // { u64 address, u32 name offset, u32 reserved }, then NUL-terminated names.
    internal static unsafe class KernelSymbols
    {
        private const uint Magic = 0x4d59534b;
        private static byte* s_table;
        private static uint s_count;

        internal static void Init(in KernelLayout layout)
        {
            byte* start = (byte*)layout.SymbolsStart;
            if (layout.SymbolsEnd - layout.SymbolsStart < 8 || *(uint*)start != Magic) return;
            s_table = start;
            s_count = *(uint*)(start + 4);
        }

        internal static bool Available => s_count != 0;

        // The name of the symbol at or below `address`, and the distance from it.
        internal static string? Lookup(ulong address, out ulong offset)
        {
            offset = 0;
            if (s_count == 0) return null;
            ulong* entries = (ulong*)(s_table + 8);
            if (address < entries[0]) return null;
            uint low = 0, high = s_count - 1;
            while (low < high)
            {
                uint mid = (low + high + 1) / 2;
                if (entries[mid * 2] <= address) low = mid; else high = mid - 1;
            }
            offset = address - entries[low * 2];
            byte* name = s_table + 8 + (ulong)s_count * 16 + (uint)entries[low * 2 + 1];
            int length = 0;
            while (name[length] != 0 && length < 512) length++;
            return string.FromLatin1(new ReadOnlySpan<byte>(name, length));
        }
    }
}
