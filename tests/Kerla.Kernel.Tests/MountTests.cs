using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// A tmpfs mounted on a directory (mount(2)): paths through the directory reach
// the mounted root, whose ".." is the directory's parent.
[Collection(KernelState.Name)]
public class MountTests : FsTest
{
    private readonly TmpfsDirectory _point;
    private readonly TmpfsDirectory _mounted = new(null, 0x1ed, 0, 0);

    public MountTests()
    {
        TmpfsDirectory a = Mkdir(Root, "a");
        _point = Mkdir(a, "mnt");
    }

    private void MountIt() => Assert.Equal(Ok, Vfs.AddMount(_point, _mounted, "tmpfs", "tmpfs", "/a/mnt"));

    [Fact]
    public void APathThroughTheMountPointReachesTheMountedRoot()
    {
        TmpfsFile inside = Touch(_mounted, "inside");
        Touch(_point, "hidden");
        MountIt();
        Assert.Same(_mounted, Resolve("a/mnt"));
        Assert.Same(_mounted, Resolve("/a/mnt/"));
        Assert.Same(inside, Resolve("a/mnt/inside"));
        // What the directory held is covered while the mount lasts.
        Assert.Equal(Errno.ENOENT, LookupError("a/mnt/hidden"));
        Assert.Equal(Ok, Vfs.RemoveMount(_mounted));
        Assert.Equal(FileType.Regular, Resolve("a/mnt/hidden").Type);
        Assert.Equal(Errno.EINVAL, Vfs.RemoveMount(_mounted));
    }

    [Fact]
    public void DotDotFromTheMountedRootIsTheMountPointsParent()
    {
        TmpfsDirectory sub = Mkdir(_mounted, "sub");
        MountIt();
        Inode a = Resolve("a");
        Assert.Same(a, Resolve("a/mnt/.."));
        Assert.Same(a, ResolveFrom(_mounted, ".."));
        Assert.Same(a, ResolveFrom(sub, "../.."));
        Assert.Same(a, Vfs.ParentOf(_mounted));
    }

    [Fact]
    public void TheTwoFilesystemsHaveTheirOwnDevicesAndCounts()
    {
        MountIt();
        TmpfsFile outside = Touch(Root, "outside");
        TmpfsFile inside = Touch(_mounted, "inside");
        TmpfsDirectory sub = Mkdir(_mounted, "sub");
        Assert.NotEqual(Root.Dev, _mounted.Dev);
        Assert.Equal(Root.Dev, outside.Dev);
        Assert.Equal(Root.Dev, _point.Dev);
        Assert.Equal(_mounted.Dev, inside.Dev);
        Assert.Equal(_mounted.Dev, sub.Dev);
        // Inodes: the root and what was made in it.
        Assert.Equal(3, _mounted.Filesystem!.Inodes);
        Assert.Equal(4, Root.Filesystem!.Inodes); // /, a, a/mnt, outside
        Write(inside, 0, new byte[] { 1 });
        Assert.Equal(1, _mounted.Filesystem.Pages);
        Assert.Equal(0, Root.Filesystem.Pages);
    }

    [Fact]
    public void PathsOfWhatIsInAMountGoThroughTheMountPoint()
    {
        TmpfsDirectory sub = Mkdir(_mounted, "sub");
        TmpfsFile f = Touch(sub, "f");
        MountIt();
        Assert.Equal("/a/mnt/sub", Vfs.PathOf(sub));
        Assert.Equal("/a/mnt", Vfs.PathOf(_mounted));
        Assert.Equal("/a/mnt/sub/f", Vfs.PathOf(f));
    }

    [Fact]
    public void OnlyADirectoryCanBeAMountPoint()
    {
        TmpfsFile file = Touch(Root, "file");
        Assert.Equal(Errno.ENOTDIR, Vfs.AddMount(file, _mounted, "tmpfs", "tmpfs", "/file"));
    }

    // More mounts than the table's first slots: it grows, and every one is reachable.
    [Fact]
    public void ManyMountsAreAllReachable()
    {
        var roots = new TmpfsDirectory[12];
        for (int i = 0; i < roots.Length; i++)
        {
            roots[i] = new TmpfsDirectory(null, 0x1ed, 0, 0);
            Assert.Equal(Ok, Vfs.AddMount(Mkdir(Root, $"m{i}"), roots[i], "tmpfs", "tmpfs", $"/m{i}"));
        }
        for (int i = 0; i < roots.Length; i++) Assert.Same(roots[i], Resolve($"m{i}"));
    }
}
