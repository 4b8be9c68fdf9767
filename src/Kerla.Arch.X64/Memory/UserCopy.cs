using System;
using System.Runtime.InteropServices;

namespace Kerla.Arch.X64.Memory
{
    // The user-copy layer: a range outside user space is refused before any
    // access; a page that is not mapped (or not user-accessible) faults inside
    // asm/usercopy.asm, whose fault path returns EFAULT instead of panicking.
    internal static unsafe class UserCopy
    {
        // The canonical lower half: user space on x86_64 with 4-level paging.
        internal const ulong UserEnd = 0x0000800000000000;

        private static ulong s_start, s_end, s_fault;

        [DllImport("*", EntryPoint = "x64_user_copy"), SuppressGCTransition]
        private static extern long Copy(void* destination, void* source, nuint length);

        [DllImport("*", EntryPoint = "x64_user_copy_window"), SuppressGCTransition]
        private static extern void Window(ulong* addresses);

        internal static void Init()
        {
            ulong* window = stackalloc ulong[3];
            Window(window);
            s_start = window[0];
            s_end = window[1];
            s_fault = window[2];
        }

        // Where a page fault at `rip` should resume, or 0 if it is not a user copy.
        internal static ulong FixupFor(ulong rip) => rip >= s_start && rip < s_end ? s_fault : 0;

        internal static bool IsUserRange(ulong address, ulong length) =>
            address < UserEnd && length <= UserEnd - address;

        internal static bool FromUser(ulong address, Span<byte> destination)
        {
            if (!IsUserRange(address, (ulong)destination.Length)) return false;
            if (destination.Length == 0) return true;
            fixed (byte* d = destination) return Copy(d, (void*)address, (nuint)destination.Length) == 0;
        }

        internal static bool ToUser(ulong address, ReadOnlySpan<byte> source)
        {
            if (!IsUserRange(address, (ulong)source.Length)) return false;
            if (source.Length == 0) return true;
            fixed (byte* s = source) return Copy((void*)address, s, (nuint)source.Length) == 0;
        }
    }
}
