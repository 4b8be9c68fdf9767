using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// Access checks as path_resolution(7) describes them: the first class the
// caller belongs to (owner, group, other) decides; root passes every check but
// executing a file with no execute bit; a sticky directory lets only the
// file's or the directory's owner remove a file.
[Collection(KernelState.Name)]
public class PermissionsTests : FsTest
{
    private const int R = Permissions.MAY_READ, W = Permissions.MAY_WRITE, X = Permissions.MAY_EXEC;
    private const uint Owner = 1000, Group = 100;

    // The calling process runs as uid:gid (effective IDs) with supplementary groups.
    private static void As(uint uid, uint gid, params uint[] groups) =>
        UserProcess.Current = new UserProcess { Credentials = new Credentials { Uid = uid, Euid = uid, Gid = gid, Egid = gid, Groups = groups } };

    private TmpfsFile FileWithMode(uint mode) => Touch(Root, "f", mode, Owner, Group);

    private static bool May(Inode inode, int may) => Permissions.Check(inode, may) == Ok;

    [Fact]
    public void TheOwnerClassDecidesEvenWhenItGrantsLessThanTheOthers()
    {
        TmpfsFile f = FileWithMode(0x3f /* 0077 */);
        As(Owner, Group);
        Assert.Equal(Errno.EACCES, Permissions.Check(f, R));
        As(2000, Group);
        Assert.True(May(f, R | W | X));
        As(3000, 300);
        Assert.True(May(f, R | W | X));
    }

    [Fact]
    public void TheGroupClassDecidesForAMemberAndOtherForTheRest()
    {
        TmpfsFile f = FileWithMode(0x1a4 /* 0644 */);
        As(Owner, 1);
        Assert.True(May(f, R | W));
        As(2000, Group);
        Assert.True(May(f, R));
        Assert.Equal(Errno.EACCES, Permissions.Check(f, W));
        f.Mode = (f.Mode & ~0xfffu) | 0x184; // 0604: the group may not even read, others may
        Assert.Equal(Errno.EACCES, Permissions.Check(f, R));
        As(2000, 1, Group); // a supplementary group counts as the group
        Assert.Equal(Errno.EACCES, Permissions.Check(f, R));
        As(3000, 300);
        Assert.True(May(f, R));
        Assert.Equal(Errno.EACCES, Permissions.Check(f, W));
    }

    [Fact]
    public void RootPassesEveryCheckButExecutingWithoutAnExecuteBit()
    {
        TmpfsFile f = FileWithMode(0);
        TmpfsDirectory d = Mkdir(Root, "d", 0, Owner, Group);
        As(0, 0);
        Assert.True(May(f, R | W));
        Assert.Equal(Errno.EACCES, Permissions.Check(f, X));
        Assert.True(May(d, R | W | X)); // a directory is always searchable
        f.Mode |= 0x8; // any execute bit, here the group's
        Assert.True(May(f, X));
        // With no process (the kernel's own work) the checks are root's.
        UserProcess.Current = null;
        Assert.True(May(d, R | W | X));
    }

    // access(2) asks with the real IDs.
    [Fact]
    public void AllowedUsesTheIdsItIsGiven()
    {
        TmpfsFile f = FileWithMode(0x180 /* 0600 */);
        Assert.True(Permissions.Allowed(f, R | W, Owner, Group, null));
        Assert.False(Permissions.Allowed(f, R, 2000, Group, null));
        Assert.True(Permissions.Allowed(f, R, 0, 0, null));
    }

    // Looking a name up needs search (execute) permission on its directory,
    // not on the name itself.
    [Fact]
    public void PathResolutionNeedsSearchPermissionOnEachDirectory()
    {
        TmpfsDirectory d = Mkdir(Root, "d", 0x1c0 /* 0700 */, Owner, Group);
        TmpfsFile f = Touch(d, "f");
        As(2000, Group);
        Assert.Same(d, Resolve("d"));
        Assert.Equal(Errno.EACCES, LookupError("d/f"));
        Assert.Equal(Errno.EACCES, LookupError("d/."));
        Assert.Equal(Errno.EACCES, Vfs.LookupParent("d/new", Root, out _, out _));
        As(Owner, Group);
        Assert.Same(f, Resolve("d/f"));
        // Search without read: names can be looked up, not listed.
        d.Mode = (d.Mode & ~0xfffu) | 0x1c9; // 0711
        As(2000, Group);
        Assert.Same(f, Resolve("d/f"));
        Assert.Equal(Errno.EACCES, Permissions.Check(d, R));
    }

    [Fact]
    public void MakingOrRemovingAnEntryNeedsWriteAndSearch()
    {
        TmpfsDirectory d = Mkdir(Root, "d", 0x1ed /* 0755 */, Owner, Group);
        TmpfsFile f = Touch(d, "f", 0x1b6, 2000, Group);
        As(2000, Group);
        Assert.Equal(Errno.EACCES, Permissions.MayChange(d));
        Assert.Equal(Errno.EACCES, Permissions.MayRemove(d, f)); // owning the file is not enough
        As(Owner, Group);
        Assert.Equal(Ok, Permissions.MayRemove(d, f));
    }

    [Fact]
    public void InAStickyDirectoryOnlyTheFilesOrTheDirectorysOwnerOrRootMayRemove()
    {
        TmpfsDirectory tmp = Mkdir(Root, "tmp", 0x3ff /* 01777 */, 3000, 3000);
        TmpfsFile f = Touch(tmp, "f", 0x1b6, Owner, Group);
        As(2000, Group);
        Assert.Equal(Errno.EPERM, Permissions.MayRemove(tmp, f));
        Assert.Equal(Ok, Permissions.MayChange(tmp)); // making new entries is fine
        As(Owner, 1);
        Assert.Equal(Ok, Permissions.MayRemove(tmp, f));
        As(3000, 3000);
        Assert.Equal(Ok, Permissions.MayRemove(tmp, f));
        As(0, 0);
        Assert.Equal(Ok, Permissions.MayRemove(tmp, f));
        tmp.Mode &= ~0x200u; // not sticky: anyone who may write the directory
        As(2000, Group);
        Assert.Equal(Ok, Permissions.MayRemove(tmp, f));
    }

    // A write by someone other than root takes set-user-ID away, and
    // set-group-ID only from a group-executable file.
    [Fact]
    public void AWriteByAnotherUserDropsSetIdBits()
    {
        TmpfsFile f = FileWithMode(0xdff /* 06777 */);
        As(0, 0);
        Permissions.WrittenBy(f);
        Assert.Equal(0xdffu, f.Mode & 0xfff);
        As(Owner, Group);
        Permissions.WrittenBy(f);
        Assert.Equal(0x1ffu, f.Mode & 0xfff);
        TmpfsFile g = Touch(Root, "g", 0xde7 /* 06747: no group execute */, Owner, Group);
        Permissions.WrittenBy(g);
        Assert.Equal(0x5e7u, g.Mode & 0xfff); // set-group-ID stays: mandatory locking's mark
    }
}
