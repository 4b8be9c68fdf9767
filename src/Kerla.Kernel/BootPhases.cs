using System;

namespace Kerla.Kernel
{
    // How long each step of boot took, printed at the end of boot as Kerla (Rust) does.
    public static class BootPhases
    {
        private const int MaxPhases = 32;
        private static readonly string[] s_names = new string[MaxPhases];
        private static readonly ulong[] s_nanoseconds = new ulong[MaxPhases];
        private static int s_count;
        private static ulong s_last;

        // Ends the phase running since the previous mark (or since boot) and names it.
        public static void Mark(string name, ulong nowNanoseconds)
        {
            if (s_count == MaxPhases) return;
            s_names[s_count] = name;
            s_nanoseconds[s_count] = nowNanoseconds - s_last;
            s_last = nowNanoseconds;
            s_count++;
        }

        public static int Count => s_count;
        public static string Name(int index) => s_names[index];
        public static ulong Nanoseconds(int index) => s_nanoseconds[index];
        public static ulong Total => s_last;

        public static string Format(ulong nanoseconds)
        {
            ulong tenths = nanoseconds / 100000;
            return string.Concat((tenths / 10).ToString(), ".", (tenths % 10).ToString(), " ms");
        }
    }
}
