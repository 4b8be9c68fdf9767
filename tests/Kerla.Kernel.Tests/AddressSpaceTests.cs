using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Tests;

// The mapping bookkeeping behind brk, mmap, munmap and mprotect.
public class AddressSpaceTests
{
    private const ulong P = AddressSpace.PageSize;

    private sealed class RecordingTables : AddressSpace.PageTables
    {
        public readonly List<ulong> Unmapped = new();
        public readonly List<(ulong, Protection)> Protected = new();
        public override void Unmap(ulong page) => Unmapped.Add(page);
        public override void Protect(ulong page, Protection protection) => Protected.Add((page, protection));
    }

    private static string Map(AddressSpace s) =>
        string.Join(" ", Enumerable.Range(0, s.Count).Select(i => $"{s[i].Start:x}-{s[i].End:x}:{(int)s[i].Protection}"));

    [Fact]
    public void AddRefusesOverlapsAndMergesNeighbours()
    {
        var s = new AddressSpace();
        Assert.True(s.Add(0x10000, 0x12000, Protection.Read, "a"));
        Assert.False(s.Add(0x11000, 0x13000, Protection.Read, "a"));
        Assert.False(s.Add(0x10001, 0x13000, Protection.Read, "a"));
        Assert.True(s.Add(0x12000, 0x14000, Protection.Read, "a"));
        Assert.Equal("10000-14000:1", Map(s));
        Assert.True(s.Add(0x14000, 0x15000, Protection.Read | Protection.Write, "a"));
        Assert.Equal(2, s.Count);
        Assert.Equal(1, s.Find(0x14fff));
        Assert.Equal(-1, s.Find(0x15000));
    }

    [Fact]
    public void RemoveSplitsAndUnmapsOnlyTheRange()
    {
        var s = new AddressSpace();
        var tables = new RecordingTables();
        s.Add(0x10000, 0x20000, Protection.Read | Protection.Write, "");
        s.Remove(0x14000, 0x16000, tables);
        Assert.Equal("10000-14000:3 16000-20000:3", Map(s));
        Assert.Equal(new ulong[] { 0x14000, 0x15000 }, tables.Unmapped);
        s.Remove(0x0, 0x100000, tables);
        Assert.Equal(0, s.Count);
    }

    [Fact]
    public void ProtectSplitsAndNeedsTheWholeRangeMapped()
    {
        var s = new AddressSpace();
        var tables = new RecordingTables();
        s.Add(0x10000, 0x14000, Protection.Read | Protection.Write, "");
        Assert.True(s.Protect(0x11000, 0x12000, Protection.Read, tables));
        Assert.Equal("10000-11000:3 11000-12000:1 12000-14000:3", Map(s));
        Assert.Equal(new[] { (0x11000UL, Protection.Read) }, tables.Protected);
        Assert.False(s.Protect(0x13000, 0x15000, Protection.None, tables));
        Assert.True(s.Protect(0x11000, 0x12000, Protection.Read | Protection.Write, tables));
        Assert.Equal("10000-14000:3", Map(s));
    }

    [Fact]
    public void FindFreeGoesTopDownAroundMappings()
    {
        var s = new AddressSpace();
        ulong first = s.FindFree(4 * P);
        Assert.Equal(AddressSpace.MmapTop - 4 * P, first);
        s.Add(first, first + 4 * P, Protection.Read, "");
        ulong second = s.FindFree(P);
        Assert.Equal(first - P, second);
        s.Add(first - 8 * P, first - 2 * P, Protection.Read, "");
        // The one-page hole just under the first mapping is taken first.
        Assert.Equal(first - 2 * P, s.FindFree(2 * P));
        Assert.Equal(0UL, s.FindFree(AddressSpace.UserEnd));
    }

    [Fact]
    public void BrkGrowsAndShrinksTheHeap()
    {
        var s = new AddressSpace();
        var tables = new RecordingTables();
        s.SetBrkStart(0x405123);
        Assert.Equal(0x406000UL, s.Brk);
        Assert.Equal(0x406000UL, s.MoveBrk(0, tables));
        Assert.Equal(0x408100UL, s.MoveBrk(0x408100, tables));
        Assert.Equal("406000-409000:3", Map(s));
        Assert.Equal(0x407000UL, s.MoveBrk(0x407000, tables));
        Assert.Equal("406000-407000:3", Map(s));
        Assert.Equal(new ulong[] { 0x407000, 0x408000 }, tables.Unmapped);
        s.Add(0x40a000, 0x40b000, Protection.Read, "x");
        // Growing into another mapping is refused: the break stays.
        Assert.Equal(0x407000UL, s.MoveBrk(0x40b000, tables));
    }
}
