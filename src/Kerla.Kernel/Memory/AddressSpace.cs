using System;

namespace Kerla.Kernel.Memory
{
    [Flags]
    public enum Protection
    {
        None = 0,
        Read = 1,    // PROT_READ
        Write = 2,   // PROT_WRITE
        Exec = 4,    // PROT_EXEC
    }

    // One mapping of a process (Linux's vm_area_struct): [Start, End), page-aligned.
    public readonly struct Vma
    {
        public Vma(ulong start, ulong end, Protection protection, string name, bool shared = false, bool mayWrite = true)
        {
            Start = start;
            End = end;
            Protection = protection;
            Name = name;
            Shared = shared;
            MayWrite = mayWrite;
        }

        public ulong Start { get; }
        public ulong End { get; }
        public Protection Protection { get; }
        // "[heap]", "[stack]", the program's path, or "" (anonymous), as /proc/pid/maps shows.
        public string Name { get; }
        // MAP_SHARED memory: its pages stay shared with forked children.
        public bool Shared { get; }
        // Whether mprotect may add PROT_WRITE (Linux's VM_MAYWRITE): not for a
        // shared mapping of a file opened read-only, whose pages are the file's.
        public bool MayWrite { get; }
    }

    // The user half of a process's address space as a sorted list of mappings.
    // Pages are not allocated here: a fault inside a mapping gets a zeroed page
    // with the mapping's protection (demand paging); a fault outside one, or
    // against its protection, is SIGSEGV. Pure bookkeeping, so the host tests run
    // it as it is; the page tables follow through the PageTables callbacks.
    public sealed class AddressSpace
    {
        public const ulong PageSize = 4096;
        public const ulong UserEnd = 0x0000800000000000;
        // mmap places mappings top-down from here (below the stack's 8 MiB).
        public const ulong MmapTop = 0x00007fffff000000 - 8 * 1024 * 1024;
        public const ulong MmapBottom = 0x0000000010000000;

        private Vma[] _vmas = new Vma[16];
        private int _count;

        public int Count => _count;
        public Vma this[int index] => _vmas[index];

        public ulong BrkStart { get; private set; }
        public ulong Brk { get; private set; }

        // What the address space asks of the page tables when mappings change.
        public abstract class PageTables
        {
            public abstract void Unmap(ulong page);
            public abstract void Protect(ulong page, Protection protection);
        }

        public static ulong PageUp(ulong address) => (address + PageSize - 1) & ~(PageSize - 1);

        // The mapping containing `address`, or -1.
        public int Find(ulong address)
        {
            int low = 0, high = _count - 1;
            while (low <= high)
            {
                int mid = (low + high) / 2;
                if (address < _vmas[mid].Start) high = mid - 1;
                else if (address >= _vmas[mid].End) low = mid + 1;
                else return mid;
            }
            return -1;
        }

        // Adds a mapping over a range that must be free.
        public bool Add(ulong start, ulong end, Protection protection, string name, bool shared = false, bool mayWrite = true)
        {
            if (start >= end || (start & (PageSize - 1)) != 0 || (end & (PageSize - 1)) != 0 || end > UserEnd) return false;
            int at = 0;
            while (at < _count && _vmas[at].Start < start) at++;
            if (at > 0 && _vmas[at - 1].End > start) return false;
            if (at < _count && _vmas[at].Start < end) return false;
            if (_count == _vmas.Length)
            {
                Vma[] larger = new Vma[_count * 2];
                Array.Copy(_vmas, larger, _count);
                KernelObjects.Free(_vmas);
                _vmas = larger;
            }
            Array.Copy(_vmas, at, _vmas, at + 1, _count - at);
            _vmas[at] = new Vma(start, end, protection, name, shared, mayWrite);
            _count++;
            // Neighbours that continue each other become one mapping, as on Linux.
            if (at + 1 < _count && Continues(_vmas[at], _vmas[at + 1]))
            {
                _vmas[at] = new Vma(start, _vmas[at + 1].End, protection, name, shared, mayWrite);
                RemoveAt(at + 1);
            }
            if (at > 0 && Continues(_vmas[at - 1], _vmas[at]))
            {
                _vmas[at - 1] = new Vma(_vmas[at - 1].Start, _vmas[at].End, protection, name, shared, mayWrite);
                RemoveAt(at);
            }
            return true;
        }

        private static bool Continues(in Vma a, in Vma b) => a.End == b.Start && a.Protection == b.Protection && a.Name == b.Name && a.Shared == b.Shared && a.MayWrite == b.MayWrite;

        // Removes [start, end) from every mapping it touches, splitting them.
        public void Remove(ulong start, ulong end, PageTables? pages)
        {
            for (int i = 0; i < _count; i++)
            {
                Vma v = _vmas[i];
                if (v.End <= start || v.Start >= end) continue;
                if (pages is not null)
                    for (ulong p = Math.Max(v.Start, start); p < Math.Min(v.End, end); p += PageSize) pages.Unmap(p);
                RemoveAt(i);
                if (v.Start < start) Add(v.Start, start, v.Protection, v.Name, v.Shared, v.MayWrite);
                if (v.End > end) Add(end, v.End, v.Protection, v.Name, v.Shared, v.MayWrite);
                i = -1; // the list changed: start over (it is short)
            }
        }

        // Whether some mapping in [start, end) may not become writable.
        public bool WriteForbidden(ulong start, ulong end)
        {
            for (int i = 0; i < _count; i++)
                if (_vmas[i].Start < end && start < _vmas[i].End && !_vmas[i].MayWrite) return true;
            return false;
        }

        // mprotect(2): the whole range must be mapped.
        public bool Protect(ulong start, ulong end, Protection protection, PageTables? pages)
        {
            for (ulong a = start; a < end;)
            {
                int i = Find(a);
                if (i < 0) return false;
                a = _vmas[i].End;
            }
            for (ulong a = start; a < end;)
            {
                Vma v = _vmas[Find(a)];
                ulong from = Math.Max(v.Start, start), to = Math.Min(v.End, end);
                Remove(from, to, null);
                Add(from, to, protection, v.Name, v.Shared, v.MayWrite);
                if (pages is not null)
                    for (ulong p = from; p < to; p += PageSize) pages.Protect(p, protection);
                a = to;
            }
            return true;
        }

        // The highest free range of `length` bytes below MmapTop, or 0.
        public ulong FindFree(ulong length)
        {
            ulong top = MmapTop;
            for (int i = _count - 1; i >= -1; i--)
            {
                ulong end = i >= 0 ? _vmas[i].End : MmapBottom;
                if (i >= 0 && _vmas[i].Start >= top) continue;
                if (end < top && top - end >= length) return top - length;
                if (i >= 0) top = Math.Min(top, _vmas[i].Start);
                if (top < MmapBottom + length) return 0;
            }
            return 0;
        }

        // The address space is done with (exit, exec): its own storage goes back.
        public void Release()
        {
            KernelObjects.Free(_vmas);
            _count = 0;
        }

        // fork(2): the same mappings (the pages are copied by the page tables).
        public AddressSpace Clone()
        {
            var copy = new AddressSpace();
            KernelObjects.Free(copy._vmas);
            copy._vmas = new Vma[_vmas.Length];
            Array.Copy(_vmas, copy._vmas, _count);
            copy._count = _count;
            copy.BrkStart = BrkStart;
            copy.Brk = Brk;
            return copy;
        }

        public void SetBrkStart(ulong start)
        {
            BrkStart = PageUp(start);
            Brk = BrkStart;
        }

        // brk(2): moves the break if the new heap fits; returns the break either way.
        public ulong MoveBrk(ulong requested, PageTables? pages)
        {
            if (requested < BrkStart) return Brk;
            ulong oldEnd = PageUp(Brk), newEnd = PageUp(requested);
            if (newEnd > oldEnd)
            {
                if (!Add(oldEnd, newEnd, Protection.Read | Protection.Write, "[heap]")) return Brk;
            }
            else if (newEnd < oldEnd)
            {
                Remove(newEnd, oldEnd, pages);
            }
            Brk = requested;
            return Brk;
        }

        private void RemoveAt(int index)
        {
            Array.Copy(_vmas, index + 1, _vmas, index, _count - index - 1);
            _count--;
        }
    }
}
