using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// Path resolution as path_resolution(7) describes it (the expected errors are
// what Linux gives on a tmpfs).
[Collection(KernelState.Name)]
public class VfsTests : FsTest
{
    private void AssertParent(string path, Inode expectedParent, string expectedName)
    {
        Assert.Equal(Ok, Vfs.LookupParent(path, Root, out Inode? parent, out string name));
        Assert.Same(expectedParent, parent);
        Assert.Equal(expectedName, name);
    }

    [Fact]
    public void ATrailingSlashOrAComponentAfterAFileIsNotADirectory()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        Touch(a, "b");
        Assert.Equal(Errno.ENOTDIR, LookupError("a/b/"));
        // lstat(2) too: a trailing slash asks for a directory.
        Assert.Equal(Errno.ENOTDIR, LookupError("a/b/", followLast: false));
        Assert.Equal(Errno.ENOTDIR, LookupError("a/b/c"));
        Assert.Equal(Errno.ENOTDIR, LookupError("a/b/."));
        Assert.Equal(Errno.ENOTDIR, LookupError("a/b/.."));
    }

    [Fact]
    public void TrailingAndRepeatedSlashesOnADirectoryAreIgnored()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(a, "b");
        Assert.Same(a, Resolve("a/"));
        Assert.Same(a, Resolve("a//", followLast: false));
        Assert.Same(b, Resolve("//a///b/"));
        Assert.Same(b, Resolve("a/b/."));
    }

    [Fact]
    public void DotDotAtTheRootStaysAtTheRoot()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        Assert.Same(Root, Resolve("/.."));
        Assert.Same(Root, Resolve("/../../.."));
        Assert.Same(Root, Resolve(".."));
        Assert.Same(a, Resolve("/../a"));
    }

    [Fact]
    public void DotIsTheDirectoryAndDotDotItsParent()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(Root, "b");
        TmpfsDirectory c = Mkdir(a, "c");
        Assert.Same(a, ResolveFrom(a, "."));
        Assert.Same(Root, ResolveFrom(a, ".."));
        Assert.Same(b, Resolve("a/../b"));
        Assert.Same(c, Resolve("a/./c/../c"));
        Assert.Same(a, ResolveFrom(c, "../../a"));
    }

    [Fact]
    public void DotDotAfterASymlinkIsTheParentOfItsTarget()
    {
        TmpfsDirectory x = Mkdir(Root, "x");
        Mkdir(x, "y");
        TmpfsDirectory other = Mkdir(Root, "other");
        Symlink(other, "l", "../x/y");
        // Not "other": ".." applies to where the link led.
        Assert.Same(x, Resolve("other/l/.."));
    }

    [Fact]
    public void ASymlinkLoopIsELOOP()
    {
        Symlink(Root, "a", "b");
        Symlink(Root, "b", "a");
        Assert.Equal(Errno.ELOOP, LookupError("a"));
        Assert.Equal(Errno.ELOOP, LookupError("a/x"));
        // A trailing slash follows the last link even for lstat(2).
        Assert.Equal(Errno.ELOOP, LookupError("a/", followLast: false));
        // Without following, the link itself.
        Assert.Equal(FileType.Symlink, Resolve("a", followLast: false).Type);
    }

    // l1 -> l2 -> ... -> l41 -> target: from l2 that is 40 links, from l1 41.
    [Fact]
    public void FortySymlinksInOneLookupResolveAndFortyOneAreELOOP()
    {
        TmpfsFile target = Touch(Root, "target");
        for (int i = 1; i <= 41; i++) Symlink(Root, $"l{i}", i == 41 ? "target" : $"l{i + 1}");
        Assert.Same(target, Resolve("l2"));
        Assert.Equal(Errno.ELOOP, LookupError("l1"));
    }

    // The 40 are counted over the whole lookup, not per component: 20 links to
    // reach a directory, then 20 more to reach the file in it.
    [Fact]
    public void SymlinksInTheMiddleAndAtTheEndCountTogether()
    {
        TmpfsDirectory d = Mkdir(Root, "d");
        TmpfsFile f = Touch(d, "f");
        for (int i = 1; i <= 20; i++) Symlink(Root, $"m{i}", i == 20 ? "d" : $"m{i + 1}");
        for (int i = 0; i <= 20; i++) Symlink(d, $"k{i}", i == 20 ? "f" : $"k{i + 1}");
        Assert.Same(f, Resolve("m1/k1"));
        Assert.Equal(Errno.ELOOP, LookupError("m1/k0"));
    }

    [Fact]
    public void ADanglingSymlinkIsENOENTWhenFollowedAndItselfWhenNot()
    {
        Inode link = Symlink(Root, "dangling", "nowhere");
        Assert.Equal(Errno.ENOENT, LookupError("dangling"));
        Assert.Equal(Errno.ENOENT, LookupError("dangling/"));
        Assert.Same(link, Resolve("dangling", followLast: false));
        Assert.Equal("nowhere", link.LinkTarget);
    }

    [Fact]
    public void ASymlinkToADirectoryIsFollowedInTheMiddleOfAPath()
    {
        TmpfsDirectory sub = Mkdir(Root, "sub");
        TmpfsFile f = Touch(sub, "f");
        TmpfsDirectory elsewhere = Mkdir(Root, "elsewhere");
        Symlink(Root, "relative", "sub");
        Symlink(elsewhere, "absolute", "/sub");
        Assert.Same(f, Resolve("relative/f"));
        Assert.Same(f, Resolve("elsewhere/absolute/f", followLast: false));
        // With a trailing slash the last link is followed, even for lstat(2).
        Assert.Same(sub, Resolve("relative/", followLast: false));
        Symlink(Root, "filelink", "sub/f");
        Assert.Equal(Errno.ENOTDIR, LookupError("filelink/", followLast: false));
    }

    [Fact]
    public void ANameOfMoreThan255BytesIsENAMETOOLONG()
    {
        Assert.Equal(Errno.ENOENT, LookupError(new string('a', 255)));
        Assert.Equal(Errno.ENAMETOOLONG, LookupError(new string('a', 256)));
        // Also in the middle, before anything is looked up.
        Assert.Equal(Errno.ENAMETOOLONG, LookupError(new string('a', 256) + "/b"));
    }

    // PATH_MAX (4096) counts the terminating NUL: 4095 characters is the longest path.
    [Fact]
    public void APathOf4096BytesIsENAMETOOLONG()
    {
        string longest = string.Concat(Enumerable.Repeat("./", 2047)) + ".";
        Assert.Equal(4095, longest.Length);
        Assert.Same(Root, Resolve(longest));
        Assert.Equal(Errno.ENAMETOOLONG, LookupError(longest + "/"));
    }

    [Fact]
    public void AnEmptyPathIsENOENT()
    {
        Assert.Equal(Errno.ENOENT, LookupError(""));
        Assert.Equal(Errno.ENOENT, Vfs.LookupParent("", Root, out _, out _));
    }

    [Fact]
    public void LookupParentGivesTheDirectoryAndTheLastName()
    {
        TmpfsDirectory dir = Mkdir(Root, "dir");
        Touch(dir, "existing");
        AssertParent("dir/newname", dir, "newname");
        AssertParent("/dir/existing", dir, "existing");
        // mkdir("dir/new/"): the trailing slash is not part of the name.
        AssertParent("dir/new/", dir, "new");
    }

    // The name may become a directory entry after the caller frees its path.
    [Fact]
    public void LookupParentNeverHandsBackTheCallersString()
    {
        string path = "single";
        Assert.Equal(Ok, Vfs.LookupParent(path, Root, out _, out string name));
        Assert.Equal(path, name);
        Assert.NotSame(path, name);
    }

    [Fact]
    public void LookupParentThroughAMissingDirectoryOrAFileFails()
    {
        Touch(Root, "file");
        Assert.Equal(Errno.ENOENT, Vfs.LookupParent("missing/name", Root, out _, out _));
        Assert.Equal(Errno.ENOTDIR, Vfs.LookupParent("file/name", Root, out _, out _));
    }

    [Fact]
    public void LookupParentFollowsSymlinksBeforeTheLastName()
    {
        TmpfsDirectory sub = Mkdir(Root, "sub");
        Symlink(Root, "link", "sub");
        AssertParent("link/new", sub, "new");
        // The last component itself is not followed: unlink("link") removes the link.
        AssertParent("link", Root, "link");
    }

    // chroot(2): absolute paths and symlinks start at the process's root, and
    // ".." does not leave it.
    [Fact]
    public void TheProcessRootIsWhereAbsolutePathsStartAndDotDotStops()
    {
        TmpfsDirectory jail = Mkdir(Root, "jail");
        TmpfsDirectory inside = Mkdir(jail, "inside");
        TmpfsFile f = Touch(jail, "f");
        Symlink(inside, "up", "/f");
        UserProcess.Current = new UserProcess { Root = jail, Cwd = inside };
        Assert.Same(jail, ResolveFrom(inside, "/.."));
        Assert.Same(jail, ResolveFrom(inside, "../../.."));
        Assert.Same(f, ResolveFrom(inside, "up"));
        Assert.Equal(Errno.ENOENT, Vfs.Lookup("/jail", inside, true, out _));
        Assert.Equal("/inside", Getcwd.PathOf(inside));
    }

    [Fact]
    public void PathOfNamesDirectoriesAndFilesFromTheRoot()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        TmpfsDirectory b = Mkdir(a, "b");
        TmpfsFile f = Touch(b, "f");
        Assert.Equal("/", Vfs.PathOf(Root));
        Assert.Equal("/a/b", Vfs.PathOf(b));
        Assert.Equal("/a/b", Getcwd.PathOf(b));
        Assert.Equal("/a/b/f", Vfs.PathOf(f));
        Unlink(b, "f");
        Assert.Null(Vfs.PathOf(f)); // no directory names it
    }

    // What /proc/self/exe shows: every symlink resolved.
    [Fact]
    public void CanonicalPathResolvesEverySymlink()
    {
        TmpfsDirectory sub = Mkdir(Root, "sub");
        Touch(sub, "f");
        Symlink(Root, "dirlink", "sub");
        Symlink(sub, "filelink", "f");
        Assert.Equal("/sub/f", Vfs.CanonicalPath("dirlink/filelink", Root));
        Assert.Equal("/sub/f", Vfs.CanonicalPath("../sub/./f", sub));
        Assert.Null(Vfs.CanonicalPath("dirlink/missing", Root));
    }

    // LookupParent takes the last component as it is: rmdir("dl/") and
    // rename("dl/", ...) see the symlink (ENOTDIR), mkdir("dangling/") its name (EEXIST).
    [Fact]
    public void LookupParentDoesNotFollowALastSymlinkWithATrailingSlash()
    {
        Mkdir(Root, "d");
        Symlink(Root, "dl", "d");
        Symlink(Root, "dangling", "nowhere");
        AssertParent("dl/", Root, "dl");
        AssertParent("dangling/", Root, "dangling");
        Assert.Equal(Errno.ENOTDIR, Root.Unlink("dl", directory: true));
    }

    // Only the caller's path is limited to PATH_MAX; what a symlink expands it to is not.
    [Fact]
    public void ASymlinkExpandingPastPathMaxStillResolves()
    {
        TmpfsDirectory sub = Mkdir(Root, "sub");
        TmpfsFile f = Touch(sub, "f");
        Symlink(Root, "l", string.Concat(Enumerable.Repeat("./", 1000)) + "sub");
        string path = "l/" + string.Concat(Enumerable.Repeat("./", 1500)) + "f";
        Assert.True(path.Length < Vfs.PathMax);
        Assert.Same(f, Resolve(path));
    }
}
