namespace Kerla.Kernel.Memory
{
    // The physical page allocator: one bit per 4 KiB page from address 0 up to the
    // end of the highest usable region; a set bit is a page in use (or not RAM).
    // Contiguous runs are found first-fit from a moving hint. Plain data and
    // arithmetic, so the host tests run it as it is.
    public sealed class PageAllocator
    {
        public const int PageSize = 4096;
        private const int PageShift = 12;

        private readonly ulong[] _bitmap;
        private readonly ulong _pageCount;
        private ulong _hint;

        public PageAllocator(MemoryRegion[] memoryMap)
        {
            ulong highest = 0;
            foreach (MemoryRegion region in memoryMap)
                if (region.Type == MemoryType.Usable && region.End > highest) highest = region.End;
            _pageCount = highest >> PageShift;
            _bitmap = new ulong[(_pageCount + 63) / 64];
            for (int i = 0; i < _bitmap.Length; i++) _bitmap[i] = ulong.MaxValue;

            // Only whole pages inside usable regions become free, and no page that
            // any non-usable region touches (maps may overlap).
            foreach (MemoryRegion region in memoryMap)
            {
                if (region.Type != MemoryType.Usable) continue;
                ulong first = (region.Start + PageSize - 1) >> PageShift;
                ulong end = region.End >> PageShift;
                for (ulong page = first; page < end; page++)
                    if (IsUsed(page)) SetFree(page);
            }
            foreach (MemoryRegion region in memoryMap)
                if (region.Type != MemoryType.Usable) Reserve(region.Start, region.Length);
            // Address 0 means "no memory" to callers: page 0 is never handed out.
            Reserve(0, PageSize);
            TotalPages = FreePages;
        }

        // Usable pages when the allocator was made (page 0 not counted).
        public ulong TotalPages { get; }

        public ulong FreePages { get; private set; }

        // Marks [start, start + length) as in use: the kernel image, boot data, modules.
        public void Reserve(ulong start, ulong length)
        {
            if (length == 0) return;
            ulong first = start >> PageShift;
            ulong end = (start + length + PageSize - 1) >> PageShift;
            if (end > _pageCount) end = _pageCount;
            for (ulong page = first; page < end; page++)
                if (!IsUsed(page)) SetUsed(page);
        }

        // The physical address of `count` contiguous free pages, now in use; 0 if none.
        public ulong Allocate(ulong count = 1)
        {
            if (count == 0 || count > FreePages) return 0;
            ulong found = Search(_hint, _pageCount, count);
            if (found == ulong.MaxValue) found = Search(1, _hint + count < _pageCount ? _hint + count : _pageCount, count);
            if (found == ulong.MaxValue) return 0;
            for (ulong page = found; page < found + count; page++) SetUsed(page);
            _hint = found + count;
            return found << PageShift;
        }

        // Returns pages to the allocator. Freeing a page that is not in use is a
        // kernel bug; it is refused (false) and nothing changes.
        public bool Free(ulong address, ulong count = 1)
        {
            if ((address & (PageSize - 1)) != 0) return false;
            ulong first = address >> PageShift;
            if (first == 0 || first + count > _pageCount) return false;
            for (ulong page = first; page < first + count; page++)
                if (!IsUsed(page)) return false;
            for (ulong page = first; page < first + count; page++) SetFree(page);
            if (first < _hint) _hint = first;
            return true;
        }

        public bool IsFree(ulong address) => (address >> PageShift) < _pageCount && !IsUsed(address >> PageShift);

        // First run of `count` free pages starting in [from, to); page 0 is never handed out.
        private ulong Search(ulong from, ulong to, ulong count)
        {
            if (from == 0) from = 1;
            ulong run = 0;
            for (ulong page = from; page < _pageCount && (page < to || run > 0); page++)
            {
                // Skip full words quickly.
                if (run == 0 && (page & 63) == 0 && _bitmap[page >> 6] == ulong.MaxValue)
                {
                    page += 63;
                    continue;
                }
                if (IsUsed(page)) { run = 0; continue; }
                run++;
                if (run == count) return page + 1 - count;
            }
            return ulong.MaxValue;
        }

        private bool IsUsed(ulong page) => (_bitmap[page >> 6] & (1UL << (int)(page & 63))) != 0;

        private void SetUsed(ulong page)
        {
            _bitmap[page >> 6] |= 1UL << (int)(page & 63);
            FreePages--;
        }

        private void SetFree(ulong page)
        {
            _bitmap[page >> 6] &= ~(1UL << (int)(page & 63));
            FreePages++;
        }
    }
}
