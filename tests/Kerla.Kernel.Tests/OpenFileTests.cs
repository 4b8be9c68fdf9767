using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// Open file descriptions and descriptor tables (open(2), dup(2), close(2),
// fork(2), execve(2)), and the locks that go with them: flock(2) locks belong to
// the description, fcntl(2) POSIX record locks to the process.
[Collection(KernelState.Name)]
public class OpenFileTests : FsTest
{
    private readonly TmpfsFile _file;

    public OpenFileTests() => _file = Touch(Root, "f");

    [Fact]
    public void DescriptorsAreTheLowestFree()
    {
        var table = new FileTable();
        OpenFile file = OpenDescription(_file);
        Assert.Equal(0, table.Add(file, false));
        Assert.Equal(1, table.Add(file, false));
        Assert.Equal(2, table.Add(file, true));
        Assert.True(table.Close(1));
        Assert.False(table.Close(1));
        Assert.Equal(1, table.Add(file, false));
        Assert.Equal(5, table.Add(file, false, from: 5)); // F_DUPFD's minimum
        Assert.Equal(4, file.References); // 0, 1, 2 and 5
    }

    [Fact]
    public void ATableHoldsAtMost1024Descriptors()
    {
        var table = new FileTable();
        OpenFile file = OpenDescription(_file, OpenFile.O_RDONLY);
        for (int fd = 0; fd < FileTable.Max; fd++) Assert.Equal(fd, table.Add(file, false));
        Assert.Equal(-(int)Errno.EMFILE, table.Add(file, false));
    }

    // The inode hears of the close of the last descriptor only (a file unlinked
    // while open is freed then).
    [Fact]
    public void TheLastCloseReleasesTheInode()
    {
        Write(_file, 0, new byte[] { 1 });
        var table = new FileTable();
        OpenFile file = OpenDescription(_file);
        table.Add(file, false);
        table.Add(file, false);
        FileTable child = table.Clone();
        Unlink(Root, "f");
        table.CloseAll();
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(2, file.References);
        child.Close(0);
        child.Close(1);
        Assert.Equal(0, Machine.FramesInUse);
    }

    [Fact]
    public void Dup2ReplacesTheDescriptorAndExecClosesOnlyCloseOnExecOnes()
    {
        var table = new FileTable();
        OpenFile a = OpenDescription(_file, OpenFile.O_RDONLY), b = OpenDescription(_file, OpenFile.O_WRONLY);
        table.Add(a, false);
        table.Add(b, true);
        table.Set(0, b, false);
        Assert.Same(b, table.Get(0));
        Assert.Equal(0, a.References);
        Assert.True(table.CloseOnExec(1));
        table.CloseOnExecAll();
        Assert.Null(table.Get(1));
        Assert.Same(b, table.Get(0));
    }

    // Descriptors dup'd from one description share its offset; only regular
    // files have one that moves.
    [Fact]
    public void OnlyARegularFilesOffsetMoves()
    {
        var file = new OpenFile(_file, OpenFile.O_RDWR);
        file.Advance(10);
        Assert.Equal(10, file.Offset);
        var directory = new OpenFile(Root, OpenFile.O_RDONLY);
        directory.Advance(10);
        Assert.Equal(0, directory.Offset);
        Assert.True(file.CanRead && file.CanWrite);
        var path = new OpenFile(_file, OpenFile.O_PATH | OpenFile.O_RDWR);
        Assert.False(path.CanRead || path.CanWrite);
    }

    [Fact]
    public void FlockLocksAreSharedOrExclusiveAndGoWithTheLastClose()
    {
        var locks = _file.Locks = new FileLocks();
        OpenFile a = Open(_file), b = Open(_file);
        locks.Take(a, exclusive: false);
        Assert.False(locks.Conflicts(b, exclusive: false));
        Assert.True(locks.Conflicts(b, exclusive: true));
        Assert.False(locks.Conflicts(a, exclusive: true)); // its own lock converts
        locks.Take(a, exclusive: true);
        Assert.True(locks.Conflicts(b, exclusive: false));
        Close(a);
        Assert.False(locks.Conflicts(b, exclusive: true));
        Close(b);
    }

    [Fact]
    public void RecordLocksConflictOnlyWhereTheyOverlapAndOneWrites()
    {
        var locks = new RecordLocks();
        object p1 = new(), p2 = new();
        locks.Set(p1, 1, unlock: false, write: false, 0, 100);
        Assert.Null(locks.Conflict(p2, write: false, 50, 60));
        Assert.NotNull(locks.Conflict(p2, write: true, 99, 200));
        Assert.Null(locks.Conflict(p2, write: true, 100, 200)); // [0, 100) ends before 100
        Assert.Null(locks.Conflict(p1, write: true, 0, 100)); // its own
    }

    // Unlocking the middle of a lock splits it; a lock next to one of the same
    // kind merges with it; one of the other kind converts what it covers.
    [Fact]
    public void RecordLocksSplitMergeAndConvert()
    {
        var locks = new RecordLocks();
        object p1 = new(), p2 = new();
        locks.Set(p1, 1, unlock: false, write: true, 0, 100);
        locks.Set(p1, 1, unlock: true, write: false, 40, 60);
        Assert.Null(locks.Conflict(p2, write: true, 40, 60));
        Assert.Equal((0L, 40L), Span(locks.Conflict(p2, write: false, 0, 40)));
        Assert.Equal((60L, 100L), Span(locks.Conflict(p2, write: false, 60, 100)));

        locks.Set(p1, 1, unlock: false, write: true, 40, 60); // fills the gap: one lock again
        Assert.Equal((0L, 100L), Span(locks.Conflict(p2, write: false, 50, 51)));

        locks.Set(p1, 1, unlock: false, write: false, 20, 30); // a read lock inside the write lock
        RecordLocks.Range read = locks.Conflict(p2, write: true, 25, 26)!;
        Assert.False(read.Write);
        Assert.Equal((20L, 30L), Span(read));
        Assert.Null(locks.Conflict(p2, write: false, 20, 30));
        Assert.Equal((30L, 100L), Span(locks.Conflict(p2, write: false, 30, 31)));
    }

    private static (long, long) Span(RecordLocks.Range? r) => (r!.Start, r.End);

    // Closing any descriptor of a file drops the process's POSIX locks on it,
    // even those taken through another descriptor.
    [Fact]
    public void ClosingAnyDescriptorDropsTheProcesssRecordLocks()
    {
        var process = new UserProcess();
        UserProcess.Current = process;
        var locks = _file.RecordLocks = new RecordLocks();
        var table = new FileTable();
        table.Add(OpenDescription(_file), false);
        table.Add(OpenDescription(_file), false);
        locks.Set(process, 1, unlock: false, write: true, 0, RecordLocks.ToEnd);
        object other = new();
        Assert.NotNull(locks.Conflict(other, write: false, 0, 1));
        table.Close(1);
        Assert.Null(locks.Conflict(other, write: false, 0, 1));
        table.CloseAll();
    }

    // An OFD lock (F_OFD_SETLK) belongs to the description: it goes with the last close.
    [Fact]
    public void AnOpenFileDescriptionsRecordLocksGoWithItsLastClose()
    {
        var locks = _file.RecordLocks = new RecordLocks();
        OpenFile file = Open(_file);
        file.AddReference(); // dup(2)
        locks.Set(file, -1, unlock: false, write: true, 0, 10);
        object other = new();
        file.DropReference();
        Assert.NotNull(locks.Conflict(other, write: true, 0, 10));
        file.DropReference();
        Assert.Null(locks.Conflict(other, write: true, 0, 10));
    }

    // F_SETLKW: a process about to wait for one that waits for it is EDEADLK.
    [Fact]
    public void WaitingInACycleIsADeadlock()
    {
        object a = new(), b = new(), c = new();
        RecordLocks.StartWaiting(a, b);
        RecordLocks.StartWaiting(b, c);
        try
        {
            Assert.True(RecordLocks.WouldDeadlock(c, a));
            Assert.False(RecordLocks.WouldDeadlock(c, new object()));
        }
        finally
        {
            RecordLocks.StopWaiting(a);
            RecordLocks.StopWaiting(b);
        }
        Assert.False(RecordLocks.WouldDeadlock(c, a));
    }
}
