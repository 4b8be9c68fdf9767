using System.Runtime.InteropServices;
using Kerla.Kernel.SelfTest;
using static Kerla.Kernel.SelfTest.SelfTests;

namespace Kerla.Arch.X64.SelfTest
{
    // The language features that need unsafe code, which only this package and
    // Kerla.Runtime may use: pointers, fixed, fixed buffers, function pointers.
    internal static unsafe class UnsafeLanguageTests
    {
        internal static Test[] All() => new Test[]
        {
            new Test("pointers, fixed and fixed buffers", PointersAndFixed),
            new Test("managed and unmanaged function pointers", FunctionPointers),
            new Test("direct map reaches the top of RAM", DirectMapTop),
        };

        private struct Packet
        {
            public int Length;
            public fixed byte Payload[16];
        }

        private static void PointersAndFixed()
        {
            Packet packet = default;
            for (int i = 0; i < 16; i++) packet.Payload[i] = (byte)(i * 3);
            packet.Length = 16;
            Equal(45, packet.Payload[15], "fixed buffer element");
            Equal(20, sizeof(Packet), "struct with a fixed buffer");

            int[] numbers = { 10, 20, 30, 40 };
            fixed (int* p = numbers)
            {
                int* q = p + 2;
                *q += 5;
                Equal(35, numbers[2], "write through a pinned pointer");
                Equal(2, (long)(q - p), "pointer difference");
            }
            byte* scratch = stackalloc byte[64];
            for (int i = 0; i < 64; i++) scratch[i] = (byte)i;
            Equal(0x07060504, *(int*)(scratch + 4), "unaligned-free read through a cast pointer");
            string text = "kernel";
            fixed (char* c = text) Equal('r', c[2], "fixed on a string");
        }

        // The last page of the highest usable region, written and read back through
        // the direct map (beyond the 4 GiB the boot code maps when RAM goes there).
        private static void DirectMapTop()
        {
            ulong top = 0;
            foreach (Kerla.Kernel.Memory.MemoryRegion region in Kerla.Kernel.KernelHost.BootInfo.MemoryMap)
                if (region.Type == Kerla.Kernel.Memory.MemoryType.Usable && region.End > top) top = region.End;
            ulong last = (top & ~4095UL) - 4096;
            Check(Kerla.Kernel.KernelHost.Pages.IsFree(last), "the last page of RAM is free");
            ulong* page = (ulong*)Memory.Paging.PhysicalToVirtual(last);
            for (int i = 0; i < 512; i++) page[i] = last + (ulong)i;
            ulong sum = 0;
            for (int i = 0; i < 512; i++) sum += page[i] - last;
            Equal(511 * 512 / 2, (long)sum, "values read back from the last page");
        }

        private static int Twice(int x) => x * 2;

        [UnmanagedCallersOnly]
        private static int Triple(int x) => x * 3;

        private static void FunctionPointers()
        {
            delegate*<int, int> managed = &Twice;
            Equal(42, managed(21), "managed function pointer");
            delegate* unmanaged<int, int> native = &Triple;
            Equal(63, native(21), "unmanaged function pointer");
        }
    }
}
