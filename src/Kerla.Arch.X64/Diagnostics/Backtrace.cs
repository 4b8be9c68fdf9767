using Kerla.Arch.X64.Memory;
using Kerla.Kernel;

namespace Kerla.Arch.X64.Diagnostics
{
    // Walks the frame-pointer chain ([rbp] = caller's rbp, [rbp + 8] = return
    // address). ilc does not give every method a frame, so frames can be missing;
    // each link is checked to lie in readable kernel memory (the image, or the
    // direct map where task stacks are) before it is read, and the walk stops at the first one that does not.
    internal static unsafe class Backtrace
    {
        private const int MaxFrames = 32;

        internal static void Print(in KernelLayout layout, ulong rip, ulong rbp)
        {
            Log.WriteRaw("Backtrace:\n");
            PrintFrame(0, rip);
            for (int depth = 1; depth < MaxFrames; depth++)
            {
                if (rbp == 0 || (rbp & 7) != 0 || !Paging.IsReadable(layout, rbp) || !Paging.IsReadable(layout, rbp + 15)) break;
                ulong returnAddress = ((ulong*)rbp)[1];
                ulong next = ((ulong*)rbp)[0];
                if (returnAddress < layout.TextStart || returnAddress >= layout.TextEnd) break;
                PrintFrame(depth, returnAddress);
                if (next <= rbp) break;
                rbp = next;
            }
        }

        private static void PrintFrame(int depth, ulong address)
        {
            string? name = KernelSymbols.Lookup(address, out ulong offset);
            Log.WriteRaw(string.Concat("  #", depth.ToString().PadLeft(2), " 0x", address.ToString("x"), " ",
                name is null ? "?" : string.Concat(name, "+0x", offset.ToString("x")), "\n"));
        }
    }
}
