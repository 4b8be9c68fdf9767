using Kerla.Arch.X64.Cpu;
using Kerla.Kernel.Memory;

namespace Kerla.Arch.X64.Memory
{
    // Kernel page tables. The boot code maps the first 4 GiB twice: at 0 (only to
    // get into the higher half) and at DirectMapBase, where the kernel reaches all
    // physical memory (Linux's page_offset_base). Here we extend the direct map to
    // the top of RAM and drop the identity map, so a null pointer faults.
    internal static unsafe class Paging
    {
        internal const ulong DirectMapBase = 0xffff800000000000;
        private const ulong Present = 1, Writable = 2, Huge = 1 << 7, NoExecute = 1UL << 63;
        private const ulong AddressMask = 0x000ffffffffff000;
        private const ulong BootMapped = 4UL << 30;

        internal static void* PhysicalToVirtual(ulong physical) => (void*)(DirectMapBase + physical);

        internal static ulong VirtualToPhysical(ulong address) =>
            address >= KernelLayout.KernelBase ? address - KernelLayout.KernelBase : address - DirectMapBase;

        private static ulong s_topOfRam;

        // A kernel address that can be read without faulting: the image or the
        // direct map of RAM (where the task stacks are).
        internal static bool IsReadable(in KernelLayout layout, ulong address) =>
            layout.InImage(address) || (address >= DirectMapBase && address < DirectMapBase + s_topOfRam);

        internal static void Init(ulong bootPml4Physical, ulong topOfRam, PageAllocator pages)
        {
            s_topOfRam = topOfRam;
            ulong* pml4 = (ulong*)PhysicalToVirtual(bootPml4Physical);
            ulong* pdpt = (ulong*)PhysicalToVirtual(pml4[256] & AddressMask);
            // One page directory (1 GiB of 2 MiB pages) per PDPT entry past 4 GiB.
            for (ulong gib = BootMapped >> 30; gib < (topOfRam + (1UL << 30) - 1) >> 30 && gib < 512; gib++)
            {
                ulong pdPhysical = pages.Allocate();
                if (pdPhysical == 0) break;
                ulong* pd = (ulong*)PhysicalToVirtual(pdPhysical);
                for (ulong i = 0; i < 512; i++)
                    pd[i] = ((gib << 30) + (i << 21)) | Present | Writable | Huge | NoExecute;
                pdpt[gib] = pdPhysical | Present | Writable;
            }
            pml4[0] = 0;
            Native.WriteCr3(Native.ReadCr3());
            s_bootPml4 = pml4;
            s_pages = pages;
        }

        private const ulong User = 4;
        // An available PTE bit: the frame may be shared with another address space
        // since fork, so a write needs a private copy first (copy-on-write).
        private const ulong CopyOnWrite = 1 << 9;
        private static ulong* s_bootPml4;
        private static PageAllocator? s_pages;
        // Per frame: how many more address spaces map it (0: only one). Made at
        // the first fork, when the heap exists.
        private static uint[]? s_shares;

        // The page tables in use (each process has its own; the kernel half is shared).
        private static ulong* s_pml4 => (ulong*)PhysicalToVirtual(Native.ReadCr3() & AddressMask);

        // A new address space: an empty user half and the kernel's half.
        internal static ulong NewAddressSpace()
        {
            ulong root = NewTable();
            if (root == 0) return 0;
            ulong* pml4 = (ulong*)PhysicalToVirtual(root);
            for (int i = 256; i < 512; i++) pml4[i] = s_bootPml4[i];
            return root;
        }

        // fork: new page tables for the current user half that map the same
        // frames, read-only and copy-on-write in both address spaces.
        internal static ulong CloneAddressSpace()
        {
            s_shares ??= new uint[s_topOfRam >> 12];
            ulong root = NewAddressSpace();
            if (root == 0) return 0;
            bool copied = CopyLevel(s_pml4, (ulong*)PhysicalToVirtual(root), 4, 256);
            // The parent's pages just lost their write access.
            Native.WriteCr3(Native.ReadCr3());
            if (!copied) { DestroyAddressSpace(root); return 0; }
            return root;
        }

        private static bool CopyLevel(ulong* from, ulong* to, int level, int entries)
        {
            for (int i = 0; i < entries; i++)
            {
                ulong entry = from[i];
                if ((entry & Present) == 0) continue;
                if (level == 1)
                {
                    // A page: the same frame on both sides, read-only and copy-on-write.
                    entry = (entry & ~Writable) | CopyOnWrite;
                    from[i] = to[i] = entry;
                    s_shares![(entry & AddressMask) >> 12]++;
                    continue;
                }
                ulong copy = NewTable();
                if (copy == 0) return false;
                to[i] = copy | (entry & ~AddressMask);
                if (!CopyLevel((ulong*)PhysicalToVirtual(entry & AddressMask), (ulong*)PhysicalToVirtual(copy), level - 1, 512)) return false;
            }
            return true;
        }

        // Frees every user page and page table of an address space that is not in use.
        internal static void DestroyAddressSpace(ulong root)
        {
            if (root == CurrentAddressSpace) Kerla.Kernel.Panic.Now("destroying the address space in use");
            FreeLevel((ulong*)PhysicalToVirtual(root), 4, 256);
            s_pages!.Free(root);
        }

        private static void FreeLevel(ulong* table, int level, int entries)
        {
            for (int i = 0; i < entries; i++)
            {
                if ((table[i] & Present) == 0) continue;
                ulong frame = table[i] & AddressMask;
                if (level > 1)
                {
                    FreeLevel((ulong*)PhysicalToVirtual(frame), level - 1, 512);
                    s_pages!.Free(frame);
                }
                else ReleaseFrame(frame);
                table[i] = 0;
            }
        }

        internal static void SwitchAddressSpace(ulong root)
        {
            if (((ulong*)PhysicalToVirtual(root))[511] != s_bootPml4[511]) Kerla.Kernel.Panic.Now(string.Concat("switching to page tables without the kernel: 0x", root.ToString("x")));
            if ((Native.ReadCr3() & AddressMask) != root) Native.WriteCr3(root);
        }

        internal static ulong CurrentAddressSpace => Native.ReadCr3() & AddressMask;

        // The kernel's own page tables (no user half): what idle runs on, so that a
        // process's tables can be freed once nothing runs on them.
        internal static ulong BootAddressSpace => VirtualToPhysical((ulong)s_bootPml4);

        // Maps one zeroed 4 KiB user page at a page-aligned user address, making page
        // tables on the way. False if the address is not a user page address, is
        // already mapped, or memory ran out.
        internal static bool MapUserPage(ulong address, bool writable, bool executable)
        {
            ulong* entry = UserPageEntry(address, create: true);
            if (entry == null || (*entry & Present) != 0) return false;
            ulong page = NewTable();
            if (page == 0) return false;
            *entry = page | Present | User | (writable ? Writable : 0) | (executable ? 0 : NoExecute);
            Native.Invlpg(address);
            return true;
        }

        // Changes the access of a mapped user page; false if it is not mapped. An
        // inaccessible page loses its user bit but keeps its frame and contents. A
        // copy-on-write page stays read-only: the first write copies it.
        internal static bool ProtectUserPage(ulong address, bool writable, bool executable, bool accessible)
        {
            ulong* entry = UserPageEntry(address, create: false);
            if (entry == null || (*entry & Present) == 0) return false;
            ulong cow = *entry & CopyOnWrite;
            *entry = (*entry & AddressMask) | Present | cow | (accessible ? User : 0) | (writable && cow == 0 ? Writable : 0) |
                (executable ? 0 : NoExecute);
            Native.Invlpg(address);
            return true;
        }

        // A write to a copy-on-write page the mapping allows: the page becomes this
        // address space's own, copied if another one still maps the frame. False
        // if it is not such a page (or memory ran out).
        internal static bool BreakCopyOnWrite(ulong address)
        {
            ulong* entry = UserPageEntry(address & ~4095UL, create: false);
            if (entry == null || (*entry & (Present | CopyOnWrite)) != (Present | CopyOnWrite)) return false;
            ulong frame = *entry & AddressMask;
            ulong flags = *entry & ~AddressMask & ~CopyOnWrite;
            if (s_shares![frame >> 12] == 0)
            {
                *entry = frame | flags | Writable;
            }
            else
            {
                ulong copy = s_pages!.Allocate();
                if (copy == 0) return false;
                ulong* from = (ulong*)PhysicalToVirtual(frame), to = (ulong*)PhysicalToVirtual(copy);
                for (int i = 0; i < 512; i++) to[i] = from[i];
                s_shares[frame >> 12]--;
                *entry = copy | flags | Writable;
            }
            Native.Invlpg(address & ~4095UL);
            return true;
        }

        // Shared memory after fork: the page stays the same frame on both sides,
        // writable as the mapping allows, instead of copy-on-write.
        internal static void ShareUserPage(ulong childRoot, ulong address, bool writable)
        {
            Share(UserPageEntry(s_pml4, address, create: false), writable);
            Share(UserPageEntry((ulong*)PhysicalToVirtual(childRoot), address, create: false), writable);
            Native.Invlpg(address);
        }

        private static void Share(ulong* entry, bool writable)
        {
            if (entry == null || (*entry & Present) == 0) return;
            *entry = (*entry & ~(CopyOnWrite | Writable)) | (writable ? Writable : 0);
        }

        // A zeroed frame for a file's page.
        internal static ulong AllocateFrame() => NewTable();

        internal static System.Span<byte> FrameBytes(ulong frame) => new System.Span<byte>(PhysicalToVirtual(frame), 4096);

        // Maps a file's frame as one more holder of it.
        internal static bool MapUserFrame(ulong address, ulong frame, bool writable, bool executable)
        {
            s_shares ??= new uint[s_topOfRam >> 12];
            ulong* entry = UserPageEntry(address, create: true);
            // A count that would wrap would free the frame under its holders.
            if (entry == null || (*entry & Present) != 0 || s_shares[frame >> 12] == uint.MaxValue) return false;
            s_shares[frame >> 12]++;
            *entry = frame | Present | User | (writable ? Writable : 0) | (executable ? 0 : NoExecute);
            Native.Invlpg(address);
            return true;
        }

        // A holder (a mapping, or the file) lets go of a frame: freed with the last.
        internal static void ReleaseFrame(ulong frame)
        {
            if (s_shares is not null && s_shares[frame >> 12] > 0) s_shares[frame >> 12]--;
            else s_pages!.Free(frame);
        }

        // Unmaps a user page and gives its frame back.
        internal static void UnmapUserPage(ulong address)
        {
            ulong* entry = UserPageEntry(address, create: false);
            if (entry == null || (*entry & Present) == 0) return;
            ulong frame = *entry & AddressMask;
            *entry = 0;
            Native.Invlpg(address);
            ReleaseFrame(frame);
        }

        // The page-table entry for a user page, or null (not a user page address,
        // no table and `create` not set, or out of memory).
        private static ulong* UserPageEntry(ulong address, bool create) => UserPageEntry(s_pml4, address, create);

        private static ulong* UserPageEntry(ulong* pml4, ulong address, bool create)
        {
            if ((address & 4095) != 0 || address >= UserCopy.UserEnd || s_bootPml4 == null) return null;
            ulong* table = pml4;
            for (int level = 3; level > 0; level--)
            {
                int index = (int)((address >> (12 + 9 * level)) & 511);
                if ((table[index] & Present) == 0)
                {
                    if (!create) return null;
                    ulong next = NewTable();
                    if (next == 0) return null;
                    table[index] = next | Present | Writable | User;
                }
                else if ((table[index] & Huge) != 0) return null;
                table = (ulong*)PhysicalToVirtual(table[index] & AddressMask);
            }
            return table + ((address >> 12) & 511);
        }

        // A zeroed page from the page allocator (for a page table or a page).
        private static ulong NewTable()
        {
            ulong physical = s_pages!.Allocate();
            if (physical == 0) return 0;
            ulong* p = (ulong*)PhysicalToVirtual(physical);
            for (int i = 0; i < 512; i++) p[i] = 0;
            return physical;
        }
    }

    // The heap's pages: from the page allocator, used through the direct map.
    internal sealed class DirectMapPageSource : Kerla.Runtime.PageSource
    {
        private readonly PageAllocator _pages;

        internal DirectMapPageSource(PageAllocator pages) { _pages = pages; }

        public override nuint AllocatePages(nuint count)
        {
            ulong physical = _pages.Allocate(count);
            return physical == 0 ? 0 : (nuint)(Paging.DirectMapBase + physical);
        }

        public override void FreePages(nuint address, nuint count)
        {
            if (!_pages.Free(Paging.VirtualToPhysical(address), count))
                Kerla.Kernel.Panic.Now("kernel heap freed pages that were not allocated");
        }
    }
}
