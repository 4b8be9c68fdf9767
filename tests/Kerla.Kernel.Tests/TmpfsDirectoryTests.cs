using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// tmpfs directories: entries, link counts, unlink(2), rmdir(2) and rename(2)
// (renameat2's flags too), with the errors Linux's tmpfs gives.
[Collection(KernelState.Name)]
public class TmpfsDirectoryTests : FsTest
{
    private const uint NoReplace = TmpfsDirectory.RENAME_NOREPLACE, Exchange = TmpfsDirectory.RENAME_EXCHANGE;

    // A directory's links: its name, its own ".", and each subdirectory's "..".
    [Fact]
    public void ADirectoryHasTwoLinksPlusOnePerSubdirectory()
    {
        Assert.Equal(2u, Root.Nlink);
        TmpfsDirectory a = Mkdir(Root, "a");
        Mkdir(Root, "b");
        Touch(Root, "f"); // files do not count
        Assert.Equal(4u, Root.Nlink);
        Assert.Equal(2u, a.Nlink);
        Assert.Equal(Ok, Root.Unlink("b", directory: true));
        Assert.Equal(3u, Root.Nlink);
    }

    // As Linux's tmpfs: 20 bytes per entry, "." and ".." included.
    [Fact]
    public void TheSizeIs40Plus20PerEntry()
    {
        Assert.Equal(40, Root.Size);
        Mkdir(Root, "a");
        Touch(Root, "f");
        Symlink(Root, "l", "f");
        Assert.Equal(100, Root.Size);
        Unlink(Root, "f");
        Assert.Equal(80, Root.Size);
    }

    // Enough entries that a directory cannot keep them in a handful of slots:
    // after removals and renames every name still finds its own inode, and the
    // listing holds exactly the names left.
    [Fact]
    public void ALargeDirectoryFindsEveryNameAfterUnlinksAndRenames()
    {
        TmpfsDirectory big = Mkdir(Root, "big");
        TmpfsDirectory other = Mkdir(Root, "other");
        var expected = new Dictionary<string, Inode>();
        for (int i = 0; i < 100; i++) expected[$"file{i}"] = Touch(big, $"file{i}");
        for (int i = 0; i < 100; i += 3)
        {
            Unlink(big, $"file{i}");
            expected.Remove($"file{i}");
        }
        for (int i = 1; i < 100; i += 9)
        {
            Assert.Equal(Ok, big.Rename($"file{i}", big, $"renamed{i}", 0));
            expected[$"renamed{i}"] = expected[$"file{i}"];
            expected.Remove($"file{i}");
        }
        Assert.Equal(Ok, big.Rename("file2", other, "moved", 0));
        Inode moved = expected["file2"];
        expected.Remove("file2");

        foreach ((string name, Inode inode) in expected) Assert.Same(inode, big.Lookup(name));
        for (int i = 0; i < 100; i += 3) Assert.Null(big.Lookup($"file{i}"));
        Assert.Null(big.Lookup("file2"));
        Assert.Same(moved, other.Lookup("moved"));
        var listed = new Dictionary<string, Inode>();
        for (int i = 0; big.Entry(i, out string name, out Inode? inode); i++) listed.Add(name, inode!);
        Assert.Equal(expected.OrderBy(e => e.Key), listed.OrderBy(e => e.Key));
        Assert.Equal(expected.Count, big.EntryCount);
        Assert.Equal(40 + 20 * expected.Count, big.Size);
    }

    [Fact]
    public void AFileHasOneLinkPerName()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        TmpfsFile f = Touch(Root, "f");
        Assert.Equal(1u, f.Nlink);
        HardLink(d, "g", f);
        Assert.Equal(2u, f.Nlink);
        Unlink(Root, "f");
        Assert.Equal(1u, f.Nlink);
        Assert.Same(f, Resolve("d/g"));
        Assert.Equal(Errno.ENOENT, LookupError("f"));
        Unlink(d, "g");
        Assert.Equal(0u, f.Nlink);
    }

    [Fact]
    public void ANameTakenIsEEXISTAndAMissingOneENOENT()
    {
        TmpfsFile f = Touch(Root, "f");
        Assert.Equal(Errno.EEXIST, Root.Link("f", f));
        Assert.Equal(Errno.EEXIST, Root.Create("f", FileType.Directory, 0x1ed, 0, 0, out _));
        Assert.Equal(Errno.EEXIST, Root.CreateSymlink("f", "x", 0, 0));
        Assert.Equal(Errno.ENOENT, Root.Unlink("missing", directory: false));
        Assert.Equal(Errno.ENOENT, Root.Unlink("missing", directory: true));
        Assert.Equal(Errno.ENOENT, Root.Rename("missing", Root, "other", 0));
    }

    // Superblock.Inodes: statfs(2)'s used inodes, one per inode with a name.
    [Fact]
    public void TheSuperblockCountsInodesThatHaveNames()
    {
        Superblock sb = Root.Filesystem!;
        Assert.Equal(1, sb.Inodes);
        TmpfsDirectory d = Mkdir(Root, "d");
        TmpfsFile f = Touch(d, "f");
        Symlink(d, "l", "f");
        Assert.Equal(4, sb.Inodes);
        HardLink(Root, "g", f); // a second name, not a second inode
        Assert.Equal(4, sb.Inodes);
        Unlink(d, "f");
        Unlink(d, "l");
        Assert.Equal(3, sb.Inodes);
        Unlink(Root, "g");
        Assert.Equal(Ok, Root.Unlink("d", directory: true));
        Assert.Equal(1, sb.Inodes);
    }

    [Fact]
    public void UnlinkOfADirectoryIsEISDIRAndRmdirOfAFileENOTDIR()
    {
        Mkdir(Root, "d");
        Touch(Root, "f");
        Assert.Equal(Errno.EISDIR, Root.Unlink("d", directory: false));
        Assert.Equal(Errno.ENOTDIR, Root.Unlink("f", directory: true));
        Symlink(Root, "l", "d");
        Assert.Equal(Errno.ENOTDIR, Root.Unlink("l", directory: true)); // rmdir does not follow a symlink
    }

    [Fact]
    public void RmdirOfANonEmptyDirectoryIsENOTEMPTY()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        Touch(d, "f");
        Assert.Equal(Errno.ENOTEMPTY, Root.Unlink("d", directory: true));
        Unlink(d, "f");
        Assert.Equal(Ok, Root.Unlink("d", directory: true));
        Assert.Equal(0u, d.Nlink);
    }

    // rmdir("d/.") is EINVAL, rmdir("d/..") ENOTEMPTY; unlink(2) of either EISDIR.
    [Fact]
    public void DotNamesCannotBeRemoved()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        Assert.Equal(Errno.EINVAL, d.Unlink(".", directory: true));
        Assert.Equal(Errno.ENOTEMPTY, d.Unlink("..", directory: true));
        Assert.Equal(Errno.EISDIR, d.Unlink(".", directory: false));
        Assert.Equal(Errno.EISDIR, d.Unlink("..", directory: false));
    }

    [Fact]
    public void NothingCanBeMadeInARemovedDirectory()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        TmpfsFile f = Touch(Root, "f");
        Assert.Equal(Ok, Root.Unlink("d", directory: true));
        Assert.Equal(Errno.ENOENT, d.Create("file", FileType.Regular, 0x1a4, 0, 0, out _));
        Assert.Equal(Errno.ENOENT, d.Create("dir", FileType.Directory, 0x1ed, 0, 0, out _));
        Assert.Equal(Errno.ENOENT, d.CreateSymlink("link", "f", 0, 0));
        Assert.Equal(Errno.ENOENT, d.Link("f", f));
        Assert.Equal(Errno.ENOENT, Root.Rename("f", d, "f", 0));
        Assert.Equal(0, d.EntryCount);
    }

    [Fact]
    public void RenameOverAFileReplacesIt()
    {
        TmpfsFile moving = Touch(Root, "x");
        TmpfsFile old = Touch(Root, "y");
        HardLink(Root, "y2", old);
        Assert.Equal(Ok, Root.Rename("x", Root, "y", 0));
        Assert.Same(moving, Resolve("y"));
        Assert.Equal(Errno.ENOENT, LookupError("x"));
        Assert.Equal(1u, moving.Nlink);
        Assert.Equal(1u, old.Nlink); // only "y2" is left
        Assert.Equal(80, Root.Size); // y and y2
    }

    // A replaced file that lost its last name (and is not open) gives its pages back.
    [Fact]
    public void AFileReplacedByRenameIsFreed()
    {
        Touch(Root, "x");
        TmpfsFile old = Touch(Root, "y");
        Write(old, 0, Bytes(2 * Page, 7));
        Assert.Equal(2, Machine.FramesInUse);
        Assert.Equal(Ok, Root.Rename("x", Root, "y", 0));
        Assert.Equal(0u, old.Nlink);
        Assert.Equal(0, Machine.FramesInUse);
        Assert.Equal(0, Root.Filesystem!.Pages);
        Assert.Equal(2, Root.Filesystem.Inodes);
    }

    // A directory moved to another: its ".." and both parents' link counts follow.
    [Fact]
    public void RenameMovesADirectoryToAnotherParent()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsDirectory moving = Mkdir(a, "d");
        Assert.Equal(Ok, a.Rename("d", b, "e", 0));
        Assert.Same(moving, Resolve("b/e"));
        Assert.Equal(Errno.ENOENT, LookupError("a/d"));
        Assert.Same(b, ResolveFrom(moving, ".."));
        Assert.Equal("/b/e", Vfs.PathOf(moving));
        Assert.Equal(2u, a.Nlink);
        Assert.Equal(3u, b.Nlink);
        Assert.Equal(2u, moving.Nlink);
    }

    [Fact]
    public void RenameOfADirectoryOverAnEmptyDirectoryReplacesIt()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsDirectory moving = Mkdir(a, "src");
        TmpfsFile inside = Touch(moving, "f");
        TmpfsDirectory empty = Mkdir(b, "dst");
        Assert.Equal(Ok, a.Rename("src", b, "dst", 0));
        Assert.Same(inside, Resolve("b/dst/f"));
        Assert.Same(b, Resolve("b/dst/.."));
        Assert.Equal(2u, a.Nlink);
        Assert.Equal(3u, b.Nlink);
        Assert.Equal(0u, empty.Nlink);
        Assert.Equal(1, b.EntryCount);
    }

    [Fact]
    public void RenameOfADirectoryOverAnEmptyOneInTheSameDirectory()
    {
        Mkdir(Root, "x");
        Mkdir(Root, "y");
        Assert.Equal(4u, Root.Nlink);
        Assert.Equal(Ok, Root.Rename("x", Root, "y", 0));
        Assert.Equal(3u, Root.Nlink);
        Assert.Equal(1, Root.EntryCount);
    }

    [Fact]
    public void RenameOverANonEmptyDirectoryIsENOTEMPTY()
    {
        TmpfsDirectory moving = Mkdir(Root, "src");
        TmpfsDirectory full = Mkdir(Root, "dst");
        Touch(full, "f");
        Assert.Equal(Errno.ENOTEMPTY, Root.Rename("src", Root, "dst", 0));
        Assert.Same(moving, Resolve("src"));
        Assert.Same(full, Resolve("dst"));
    }

    [Fact]
    public void AFileOverADirectoryIsEISDIRAndADirectoryOverAFileENOTDIR()
    {
        Mkdir(Root, "d");
        Touch(Root, "f");
        Assert.Equal(Errno.EISDIR, Root.Rename("f", Root, "d", 0));
        Assert.Equal(Errno.ENOTDIR, Root.Rename("d", Root, "f", 0));
        Assert.Equal(FileType.Directory, Resolve("d").Type);
        Assert.Equal(FileType.Regular, Resolve("f").Type);
    }

    [Fact]
    public void ADirectoryCannotMoveBelowItself()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory sub = Mkdir(a, "sub");
        TmpfsDirectory deep = Mkdir(sub, "deep");
        Assert.Equal(Errno.EINVAL, Root.Rename("a", deep, "x", 0));
        Assert.Equal(Errno.EINVAL, Root.Rename("a", a, "x", 0));
        Mkdir(sub, "empty");
        Assert.Equal(Errno.EINVAL, Root.Rename("a", sub, "empty", 0));
        Assert.Same(a, Resolve("a"));
        Assert.Same(Root, a.Parent);
    }

    [Fact]
    public void DotAndDotDotCannotBeRenamed()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        Touch(d, "f");
        Assert.Equal(Errno.EBUSY, d.Rename(".", Root, "x", 0));
        Assert.Equal(Errno.EBUSY, d.Rename("..", Root, "x", 0));
        Assert.Equal(Errno.EBUSY, d.Rename("f", d, ".", 0));
        Assert.Equal(Errno.EEXIST, d.Rename("f", d, "..", NoReplace));
    }

    [Fact]
    public void NoReplaceOntoAnExistingNameIsEEXIST()
    {
        TmpfsFile x = Touch(Root, "x");
        TmpfsFile y = Touch(Root, "y");
        Assert.Equal(Errno.EEXIST, Root.Rename("x", Root, "y", NoReplace));
        Assert.Equal(Errno.EEXIST, Root.Rename("x", Root, "x", NoReplace));
        Assert.Same(x, Resolve("x"));
        Assert.Same(y, Resolve("y"));
        Assert.Equal(Ok, Root.Rename("x", Root, "z", NoReplace));
        Assert.Same(x, Resolve("z"));
    }

    // Two names of one file: rename does nothing, both stay.
    [Fact]
    public void RenameBetweenTwoNamesOfOneFileDoesNothing()
    {
        TmpfsFile f = Touch(Root, "f");
        HardLink(Root, "g", f);
        Assert.Equal(Ok, Root.Rename("f", Root, "g", 0));
        Assert.Same(f, Resolve("f"));
        Assert.Same(f, Resolve("g"));
        Assert.Equal(2u, f.Nlink);
    }

    [Fact]
    public void ExchangeSwapsAFileAndADirectoryAndTheDirectoryFollows()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsDirectory x = Mkdir(a, "x");
        TmpfsFile y = Touch(b, "y");
        Assert.Equal(Ok, a.Rename("x", b, "y", Exchange));
        Assert.Same(y, Resolve("a/x"));
        Assert.Same(x, Resolve("b/y"));
        Assert.Same(b, Resolve("b/y/.."));
        Assert.Same(b, x.Parent);
        // x's ".." now counts toward b.
        Assert.Equal(2u, a.Nlink);
        Assert.Equal(3u, b.Nlink);
    }

    [Fact]
    public void ExchangeOfTwoDirectoriesSwapsTheirParents()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsDirectory x = Mkdir(a, "x");
        TmpfsDirectory y = Mkdir(b, "y");
        Assert.Equal(Ok, a.Rename("x", b, "y", Exchange));
        Assert.Same(a, ResolveFrom(y, ".."));
        Assert.Same(b, ResolveFrom(x, ".."));
        Assert.Equal(3u, a.Nlink);
        Assert.Equal(3u, b.Nlink);
    }

    [Fact]
    public void ExchangeNeedsBothNamesAndCannotPutADirectoryBelowItself()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        Mkdir(a, "sub");
        Touch(Root, "f");
        Assert.Equal(Errno.ENOENT, Root.Rename("f", Root, "missing", Exchange));
        Assert.Equal(Errno.EINVAL, Root.Rename("a", a, "sub", Exchange));
        Assert.Equal(Errno.EINVAL, a.Rename("sub", Root, "a", Exchange));
        Assert.Equal(Ok, Root.Rename("f", Root, "f", Exchange)); // a file with itself
    }

    // A rename changes the moved inode's ctime and both directories' mtime and ctime.
    [Fact]
    public void RenameUpdatesTheTimes()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsFile f = Touch(a, "f");
        KernelHost.RealTimeNanoseconds = 5 * Second;
        Assert.Equal(Ok, a.Rename("f", b, "g", 0));
        Assert.Equal(5 * Second, f.Ctime);
        Assert.Equal(Second, f.Mtime);
        Assert.Equal(5 * Second, a.Mtime);
        Assert.Equal(5 * Second, b.Mtime);
        Assert.Equal(5 * Second, b.Ctime);
    }

    // A set-group-ID directory gives what is made in it its group, and its
    // subdirectories the set-group-ID bit.
    [Fact]
    public void ASetGroupIdDirectoryPassesItsGroupOn()
    {
        TmpfsDirectory shared = Mkdir(Root, "shared", 0x5ed /* 02755 */, 0, 50);
        TmpfsFile f = Touch(shared, "f", 0x1a4, 1000, 100);
        TmpfsDirectory sub = Mkdir(shared, "sub", 0x1ed, 1000, 100);
        Assert.Equal(50u, f.Gid);
        Assert.Equal(50u, sub.Gid);
        Assert.Equal(0x400u, sub.Mode & 0x400);
        Assert.Equal(0u, f.Mode & 0x400);
        Assert.Equal(Ok, shared.CreateSymlink("l", "f", 1000, 100));
        Assert.Equal(50u, shared.Lookup("l")!.Gid);
    }

    // Linux checks the loop before the target: EINVAL whatever is there.
    [Fact]
    public void MovingBelowItselfIsEINVALWhateverTheTarget()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory sub = Mkdir(a, "sub");
        Touch(sub, "inside");
        Touch(a, "file");
        Assert.Equal(Errno.EINVAL, Root.Rename("a", a, "sub", 0));
        Assert.Equal(Errno.EINVAL, Root.Rename("a", a, "file", 0));
    }

    // A file cannot replace a directory it lies below (Linux: ENOTEMPTY, not EISDIR).
    [Fact]
    public void AFileOverItsAncestorIsENOTEMPTY()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        Touch(a, "f");
        Assert.Equal(Errno.ENOTEMPTY, a.Rename("f", Root, "a", 0));
    }

    // "." or ".." as the old name is EBUSY, RENAME_NOREPLACE or not.
    [Fact]
    public void RenameOfDotIsEBUSYEvenWithNoReplace()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        Assert.Equal(Errno.EBUSY, d.Rename(".", Root, "x", NoReplace));
        Assert.Equal(Errno.EBUSY, d.Rename("..", Root, "x", NoReplace));
    }

    // A removed child someone is in keeps its removed parent: ".." still leads
    // to it, and both go when the last process leaves.
    [Fact]
    public void ARemovedParentStaysWhileARemovedChildIsInUse()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(a, "b");
        b.References++; // a process's working directory
        Assert.Equal(Ok, a.Unlink("b", directory: true));
        Assert.Equal(Ok, Root.Unlink("a", directory: true));
        Assert.Same(a, Vfs.ParentOf(b));
        Assert.Equal(3, Root.Filesystem!.Inodes);
        b.Unreference();
        Assert.Equal(1, Root.Filesystem!.Inodes);
    }
}
