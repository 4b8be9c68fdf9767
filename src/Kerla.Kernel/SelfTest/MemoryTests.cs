using System;
using Kerla.Kernel.Memory;
using Kerla.Runtime;
using static Kerla.Kernel.SelfTest.SelfTests;

namespace Kerla.Kernel.SelfTest
{
    // The page allocator and the kernel heap on the real machine, and the timer.
    internal static class MemoryTests
    {
        private static Platform? s_platform;

        internal static Test[] All(Platform platform)
        {
            s_platform = platform;
            return new Test[]
            {
                new Test("pages: allocate and free", PagesAllocateAndFree),
                new Test("pages: contiguous runs", PagesContiguous),
                new Test("heap: freed memory is reused", HeapReuse),
                new Test("heap: usage returns to where it was", HeapBalance),
                new Test("heap: large objects come from pages", HeapLarge),
                new Test("timer: interrupts arrive", TimerTicks),
            };
        }

        // The JIT treats `new` as a helper that writes no fields, so it may reuse a
        // field read across it; reading through a call gives the current figure.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static ulong FreePagesNow() => KernelHost.Pages.FreePages;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static nuint HeapBytesNow() => KernelHeap.BytesInUse;

        private static void PagesAllocateAndFree()
        {
            PageAllocator pages = KernelHost.Pages;
            ulong free = pages.FreePages;
            ulong a = pages.Allocate();
            ulong b = pages.Allocate();
            Check(a != 0 && b != 0 && a != b, "two distinct pages");
            Check((a & 4095) == 0 && (b & 4095) == 0, "page-aligned addresses");
            Equal((long)free - 2, (long)pages.FreePages, "free pages after two allocations");
            Check(!pages.IsFree(a), "an allocated page is not free");
            Check(pages.Free(a) && pages.Free(b), "freeing both");
            Check(!pages.Free(a), "a double free is refused");
            Equal((long)free, (long)pages.FreePages, "free pages after freeing");
        }

        private static void PagesContiguous()
        {
            PageAllocator pages = KernelHost.Pages;
            ulong run = pages.Allocate(16);
            Check(run != 0, "16 contiguous pages");
            bool allUsed = true;
            for (ulong i = 0; i < 16; i++) allUsed &= !pages.IsFree(run + i * 4096);
            Check(allUsed, "every page of the run in use");
            Check(pages.Free(run, 16), "freeing the run");
            Check(pages.Allocate(pages.FreePages + 1) == 0, "more pages than are free is refused");
        }

        private sealed class Node
        {
            public Node? Next;
            public long Value;
        }

        private static void HeapReuse()
        {
            var first = new Node { Value = 1 };
            nuint address = ObjectAllocator.AddressOf(first);
            ObjectAllocator.Free(first);
            var second = new Node();
            Equal((long)address, (long)ObjectAllocator.AddressOf(second), "address of the next object of that size");
            Equal(0, second.Value, "a reused block is zeroed");
            ObjectAllocator.Free(second);
        }

        private static void HeapBalance()
        {
            nuint before = HeapBytesNow();
            Node? list = null;
            for (int i = 0; i < 1000; i++) list = new Node { Next = list, Value = i };
            long sum = 0;
            for (Node? n = list; n is not null; n = n.Next) sum += n.Value;
            Equal(499500, sum, "sum over the list");
            Check(HeapBytesNow() > before, "heap usage grew");
            while (list is not null)
            {
                Node? next = list.Next;
                ObjectAllocator.Free(list);
                list = next;
            }
            Equal((long)before, (long)HeapBytesNow(), "heap bytes in use after freeing everything");
        }

        private static void HeapLarge()
        {
            ulong freePages = FreePagesNow();
            byte[] big = new byte[64 * 1024];
            Equal((long)freePages - 17, (long)FreePagesNow(), "free pages after a 64 KiB array (17 pages with its header)");
            big[big.Length - 1] = 7;
            Equal(7, big[big.Length - 1], "last byte of a large array");
            ObjectAllocator.Free(big);
            Equal((long)freePages, (long)FreePagesNow(), "free pages after freeing the array");
        }

        private static void TimerTicks()
        {
            Platform platform = s_platform!;
            platform.EnableInterrupts();
            ulong start = platform.TimerTicks;
            ulong startNs = platform.NanosecondsSinceBoot;
            while (platform.TimerTicks < start + 3) platform.WaitForInterrupt();
            ulong elapsed = platform.NanosecondsSinceBoot - startNs;
            Check(platform.TimerTicks >= start + 3, "three timer ticks");
            // Not a rate check: QEMU delivers ticks it missed while the host was busy
            // in a burst, so only the direction is certain.
            Check(elapsed > 0, "the clock advanced while the ticks arrived");
        }
    }
}
