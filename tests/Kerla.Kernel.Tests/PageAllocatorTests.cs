using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Tests;

public class PageAllocatorTests
{
    private const ulong MiB = 1024 * 1024;

    // What QEMU reports for -m 128M on a PC machine.
    private static MemoryRegion[] QemuMap() => new[]
    {
        new MemoryRegion(0, 0x9fc00, MemoryType.Usable),
        new MemoryRegion(0x9fc00, 0x400, MemoryType.Reserved),
        new MemoryRegion(0xf0000, 0x10000, MemoryType.Reserved),
        new MemoryRegion(0x100000, 0x7ee0000, MemoryType.Usable),
        new MemoryRegion(0x7fe0000, 0x20000, MemoryType.Reserved),
        new MemoryRegion(0xfffc0000, 0x40000, MemoryType.Reserved),
    };

    [Fact]
    public void CountsOnlyWholeUsablePages()
    {
        var pages = new PageAllocator(QemuMap());
        // 0x9fc00 bytes hold 159 whole pages, less page 0; 0x7ee0000 bytes are 32480 pages.
        Assert.Equal(158UL + 32480, pages.TotalPages);
        Assert.Equal(pages.TotalPages, pages.FreePages);
    }

    [Fact]
    public void ReservedRegionsWinOverOverlappingUsableOnes()
    {
        var map = new[]
        {
            new MemoryRegion(0, 16 * MiB, MemoryType.Usable),
            new MemoryRegion(4 * MiB, 4096, MemoryType.Reserved),
            new MemoryRegion(0, 16 * MiB, MemoryType.Usable),
        };
        var pages = new PageAllocator(map);
        // All pages but the reserved one and page 0.
        Assert.Equal(16 * MiB / 4096 - 2, pages.TotalPages);
        Assert.False(pages.IsFree(4 * MiB));
    }

    [Fact]
    public void NeverHandsOutPageZeroOrReservedPages()
    {
        var pages = new PageAllocator(QemuMap());
        pages.Reserve(0x100000, 0x200000);
        var seen = new HashSet<ulong>();
        ulong address;
        while ((address = pages.Allocate()) != 0)
        {
            Assert.NotEqual(0UL, address);
            Assert.True(address < 0x9f000 || address >= 0x300000, $"0x{address:x} is reserved");
            Assert.True(address + 4096 <= 0x7fe0000, $"0x{address:x} is past the end of RAM");
            Assert.True(seen.Add(address), $"0x{address:x} was handed out twice");
        }
        Assert.Equal(0UL, pages.FreePages);
        Assert.Equal((long)pages.TotalPages - 0x200, seen.Count);
    }

    [Fact]
    public void ContiguousRunsSkipHoles()
    {
        var map = new[]
        {
            new MemoryRegion(0, 64 * 4096, MemoryType.Usable),
            new MemoryRegion(64 * 4096, 4096, MemoryType.Reserved),
            new MemoryRegion(65 * 4096, 200 * 4096, MemoryType.Usable),
        };
        var pages = new PageAllocator(map);
        ulong run = pages.Allocate(100);
        Assert.Equal(65UL * 4096, run);
        ulong small = pages.Allocate(10);
        Assert.NotEqual(0UL, small);
        Assert.True(small + 10 * 4096 <= 64 * 4096 || small >= 165 * 4096);
        Assert.Equal(0UL, pages.Allocate(pages.FreePages + 1));
    }

    [Fact]
    public void FreeingReturnsPagesAndRefusesMistakes()
    {
        var pages = new PageAllocator(QemuMap());
        ulong before = pages.FreePages;
        ulong run = pages.Allocate(8);
        Assert.Equal(before - 8, pages.FreePages);
        Assert.False(pages.Free(run + 1, 1), "unaligned address");
        Assert.True(pages.Free(run, 8));
        Assert.Equal(before, pages.FreePages);
        Assert.False(pages.Free(run, 8), "double free");
        Assert.False(pages.Free(0, 1), "page zero");
        Assert.False(pages.Free(0x100000000, 1), "beyond RAM");
        Assert.Equal(before, pages.FreePages);
    }

    [Fact]
    public void FreedPagesAreReusedFirstFit()
    {
        var pages = new PageAllocator(QemuMap());
        ulong a = pages.Allocate();
        ulong b = pages.Allocate();
        Assert.True(pages.Free(a));
        Assert.Equal(a, pages.Allocate());
        Assert.NotEqual(a, b);
    }
}
