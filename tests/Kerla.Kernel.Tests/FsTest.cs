using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// The VFS keeps its root and mount table in statics, and the platform, the
// clock and the current process are statics too: the tests that use them run
// one at a time.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelState
{
    public const string Name = "Kernel state";
}

// Each test starts with a new tmpfs mounted as "/", a fake platform, the clock
// at one second and no process (the kernel's own work, done as root); it
// leaves no mount and no process behind. The helpers do what the syscalls do
// with the inode operations, and assert that each step succeeded.
public abstract class FsTest : IDisposable
{
    protected const Errno Ok = 0;
    protected const ulong Second = 1_000_000_000;
    protected const int Page = FakePlatform.PageSize;

    protected readonly FakePlatform Machine = new();
    protected readonly TmpfsDirectory Root;

    protected FsTest()
    {
        KernelHost.Platform = Machine;
        KernelHost.RealTimeNanoseconds = Second;
        UserProcess.Current = null;
        Root = new TmpfsDirectory(null, 0x1ed, 0, 0);
        Vfs.MountRoot(Root);
    }

    public void Dispose()
    {
        for (int i = 0; i < Vfs.MountSlots; i++)
            if (Vfs.MountAt(i) is Vfs.Mount m) Vfs.RemoveMount(m.Root);
        UserProcess.Current = null;
    }

    protected static TmpfsDirectory Mkdir(Inode directory, string name, uint mode = 0x1ed, uint uid = 0, uint gid = 0)
    {
        Assert.Equal(Ok, directory.Create(name, FileType.Directory, mode, uid, gid, out Inode? created));
        return (TmpfsDirectory)created!;
    }

    protected static TmpfsFile Touch(Inode directory, string name, uint mode = 0x1a4, uint uid = 0, uint gid = 0)
    {
        Assert.Equal(Ok, directory.Create(name, FileType.Regular, mode, uid, gid, out Inode? created));
        return (TmpfsFile)created!;
    }

    protected static Inode Symlink(Inode directory, string name, string target)
    {
        Assert.Equal(Ok, directory.CreateSymlink(name, target, 0, 0));
        return directory.Lookup(name)!;
    }

    // link(2): the directory takes the name; the syscall (Linkat) counts the link.
    protected static void HardLink(Inode directory, string name, Inode inode)
    {
        Assert.Equal(Ok, directory.Link(name, inode));
        inode.Nlink++;
    }

    protected static void Unlink(Inode directory, string name) => Assert.Equal(Ok, directory.Unlink(name, directory: false));

    // What `path` names from the root directory, which must exist.
    protected Inode Resolve(string path, bool followLast = true) => ResolveFrom(Root, path, followLast);

    protected static Inode ResolveFrom(Inode cwd, string path, bool followLast = true)
    {
        Assert.Equal(Ok, Vfs.Lookup(path, cwd, followLast, out Inode? result));
        return result!;
    }

    protected Errno LookupError(string path, bool followLast = true) => Vfs.Lookup(path, Root, followLast, out _);

    // open(2) as Openat does it: a description the inode hears of, not yet in
    // any descriptor table.
    protected static OpenFile OpenDescription(Inode inode, int flags = OpenFile.O_RDWR)
    {
        var file = new OpenFile(inode, flags);
        Assert.Equal(0, inode.Opened(file));
        return file;
    }

    // The same with one descriptor referring to it; Close drops that as close(2) does.
    protected static OpenFile Open(Inode inode, int flags = OpenFile.O_RDWR)
    {
        OpenFile file = OpenDescription(inode, flags);
        file.AddReference();
        return file;
    }

    protected static void Close(OpenFile file) => file.DropReference();

    protected static void Write(Inode file, long offset, byte[] data) => Assert.Equal(data.Length, file.Write(offset, data));

    protected static byte[] Read(Inode file, long offset, int count)
    {
        var buffer = new byte[count];
        long n = file.Read(offset, buffer);
        Assert.True(n >= 0, $"read failed: {n}");
        return buffer.AsSpan(0, (int)n).ToArray();
    }

    protected static byte[] Bytes(int count, byte value) => Enumerable.Repeat(value, count).ToArray();
}
