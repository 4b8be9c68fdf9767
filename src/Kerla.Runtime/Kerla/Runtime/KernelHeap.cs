using System;

namespace Kerla.Runtime
{
    // Memory for the heap: whole pages, mapped at kernel virtual addresses.
    public abstract class PageSource
    {
        public const int PageSize = 4096;

        // The kernel virtual address of `count` contiguous pages, or 0 when memory is exhausted.
        public abstract nuint AllocatePages(nuint count);

        public abstract void FreePages(nuint address, nuint count);
    }

    // The kernel heap: size-class free lists carved from pages. Until the kernel
    // installs a page source it bumps through a boot arena the architecture gives
    // it. A freed block goes back on its class's free list, whichever it came from;
    // blocks over 2 KiB are whole pages and go back to the page source.
    //
    // Only primitive statics here: allocation runs before module initialisation.
    public static unsafe class KernelHeap
    {
        private const int ClassCount = 14;
        private const nuint LargestClass = 2048;

        private static nuint s_bumpNext;
        private static nuint s_bumpEnd;
        private static bool s_pagesInstalled;
        private static FreeLists s_free;
        private static nuint s_bytesInUse;
        private static nuint s_pagesHeld;
        private static nuint s_allocations;
        private static nuint s_frees;

        private unsafe struct FreeLists
        {
            public fixed ulong Head[ClassCount];
        }

        // Set once by the architecture before the first allocation.
        public static void InitBootArena(nuint start, nuint size)
        {
            s_bumpNext = start;
            s_bumpEnd = start + size;
        }

        public static void InstallPageSource(PageSource source)
        {
            PageSourceHolder.Source = source;
            s_pagesInstalled = true;
        }

        public static nuint BytesInUse => s_bytesInUse;
        public static nuint PagesHeld => s_pagesHeld;
        public static nuint Allocations => s_allocations;
        public static nuint Frees => s_frees;
        public static nuint BootArenaRemaining => s_bumpEnd - s_bumpNext;

        internal static byte* Allocate(nuint size)
        {
            byte* block;
            if (size > LargestClass)
            {
                nuint pages = (size + PageSource.PageSize - 1) / PageSource.PageSize;
                block = (byte*)AllocatePages(pages);
                size = pages * PageSource.PageSize;
            }
            else
            {
                int sizeClass = ClassOf(size);
                size = ClassSize(sizeClass);
                block = (byte*)s_free.Head[sizeClass];
                if (block != null) s_free.Head[sizeClass] = *(ulong*)block;
                else block = Refill(sizeClass);
            }
            SpanHelpers.ClearWithoutReferences(ref *block, size);
            s_bytesInUse += size;
            s_allocations++;
            return block;
        }

        internal static void Free(byte* block, nuint size)
        {
            s_frees++;
            if (size > LargestClass)
            {
                nuint pages = (size + PageSource.PageSize - 1) / PageSource.PageSize;
                s_bytesInUse -= pages * PageSource.PageSize;
                s_pagesHeld -= pages;
                PageSourceHolder.Source!.FreePages((nuint)block, pages);
                return;
            }
            int sizeClass = ClassOf(size);
            s_bytesInUse -= ClassSize(sizeClass);
            *(ulong*)block = s_free.Head[sizeClass];
            s_free.Head[sizeClass] = (ulong)block;
        }

        // 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048.
        private static nuint ClassSize(int sizeClass)
        {
            if (sizeClass < 2) return (nuint)(16 << sizeClass);
            nuint power = (nuint)32 << ((sizeClass - 2) / 2);
            return (sizeClass & 1) == 0 ? power + power / 2 : power * 2;
        }

        private static int ClassOf(nuint size)
        {
            int sizeClass = 0;
            while (ClassSize(sizeClass) < size) sizeClass++;
            return sizeClass;
        }

        // A fresh page cut into blocks of one class (from the boot arena before the
        // page source exists).
        private static byte* Refill(int sizeClass)
        {
            nuint size = ClassSize(sizeClass);
            if (!s_pagesInstalled)
            {
                if (s_bumpNext + size > s_bumpEnd) OutOfMemory(size);
                byte* bumped = (byte*)s_bumpNext;
                s_bumpNext += size;
                return bumped;
            }
            byte* page = (byte*)AllocatePages(1);
            nuint count = PageSource.PageSize / size;
            for (nuint i = count - 1; i >= 1; i--)
            {
                byte* block = page + i * size;
                *(ulong*)block = s_free.Head[sizeClass];
                s_free.Head[sizeClass] = (ulong)block;
            }
            return page;
        }

        private static nuint AllocatePages(nuint count)
        {
            if (!s_pagesInstalled)
            {
                nuint start = (s_bumpNext + PageSource.PageSize - 1) & ~(nuint)(PageSource.PageSize - 1);
                if (start + count * PageSource.PageSize > s_bumpEnd) OutOfMemory(count * PageSource.PageSize);
                s_bumpNext = start + count * PageSource.PageSize;
                return start;
            }
            nuint address = PageSourceHolder.Source!.AllocatePages(count);
            if (address == 0) OutOfMemory(count * PageSource.PageSize);
            s_pagesHeld += count;
            return address;
        }

        private static void OutOfMemory(nuint size) => RuntimeHost.FailFast("out of memory: kernel heap");

        // The page source is a reference; keep it out of KernelHeap so that KernelHeap
        // has only primitive statics.
        private static class PageSourceHolder
        {
            internal static PageSource? Source;
        }
    }
}
