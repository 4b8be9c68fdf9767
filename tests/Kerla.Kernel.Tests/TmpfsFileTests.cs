using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Tests;

// tmpfs files keep their bytes in page frames (the fake platform's): pages
// never written are holes that read as zeros and take no frame, and the frames
// go back when the file has neither a name nor an open file description.
[Collection(KernelState.Name)]
public class TmpfsFileTests : FsTest
{
    private readonly TmpfsFile _file;

    public TmpfsFileTests() => _file = Touch(Root, "f");

    private Superblock Sb => Root.Filesystem!;

    private void AssertZeros(long offset, int count) => Assert.Equal(new byte[count], Read(_file, offset, count));

    [Fact]
    public void AWriteAtAnOffsetLeavesAHoleThatReadsAsZeros()
    {
        Write(_file, 5000, new byte[] { 1, 2, 3 });
        Assert.Equal(5003, _file.Size);
        byte[] all = Read(_file, 0, 6000);
        Assert.Equal(5003, all.Length);
        Assert.Equal(new byte[5000], all[..5000]);
        Assert.Equal(new byte[] { 1, 2, 3 }, all[5000..]);
        // Only the written page has a frame.
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(8, _file.Blocks);
    }

    // st_blocks: 512-byte units, 8 per page that holds data.
    [Fact]
    public void BlocksAndSuperblockPagesCountOnlyWrittenPages()
    {
        Write(_file, 0, new byte[] { 1 });
        Write(_file, 3 * Page + 10, new byte[] { 2 });
        Assert.Equal(16, _file.Blocks);
        Assert.Equal(2, Sb.Pages);
        Assert.Equal(3 * Page + 11, _file.Size);
        AssertZeros(1, 3 * Page + 9);
    }

    [Fact]
    public void AWriteAcrossAPageBoundaryTakesBothPages()
    {
        byte[] data = Enumerable.Range(1, 10).Select(i => (byte)i).ToArray();
        Write(_file, Page - 4, data);
        Assert.Equal(data, Read(_file, Page - 4, 10));
        Assert.Equal(16, _file.Blocks);
    }

    [Fact]
    public void AReadStopsAtTheEndOfTheFile()
    {
        Write(_file, 0, Bytes(100, 9));
        Assert.Equal(40, Read(_file, 60, 1000).Length);
        Assert.Empty(Read(_file, 100, 10));
        Assert.Empty(Read(_file, 5000, 10));
    }

    [Fact]
    public void TruncateDownThenUpReadsZerosPastTheCut()
    {
        Write(_file, 0, Bytes(10000, 0xaa));
        Assert.Equal(3, Machine.FramesInUse);
        Assert.Equal(Ok, _file.Truncate(100));
        Assert.Equal(100, _file.Size);
        // Pages wholly past the cut are freed; the first keeps its first 100 bytes.
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(8, _file.Blocks);
        Assert.Equal(1, Sb.Pages);
        Assert.Equal(Ok, _file.Truncate(10000));
        Assert.Equal(10000, _file.Size);
        Assert.Equal(Bytes(100, 0xaa), Read(_file, 0, 100));
        AssertZeros(100, 9900);
        Assert.Equal(8, _file.Blocks);
    }

    // A cut inside the last page: the bytes after it in that page are cleared too.
    [Fact]
    public void TruncateWithinOnePageClearsTheRestOfIt()
    {
        Write(_file, 0, Bytes(300, 0xbb));
        Assert.Equal(Ok, _file.Truncate(200));
        Assert.Equal(Ok, _file.Truncate(300));
        Assert.Equal(Bytes(200, 0xbb), Read(_file, 0, 200));
        AssertZeros(200, 100);
    }

    [Fact]
    public void TruncateToZeroFreesEveryPage()
    {
        Write(_file, 0, Bytes(3 * Page, 1));
        Assert.Equal(Ok, _file.Truncate(0));
        Assert.Equal(0, _file.Size);
        Assert.Equal(0, _file.Blocks);
        Assert.Equal(0, Machine.FramesInUse);
        Assert.Equal(0, Sb.Pages);
    }

    [Fact]
    public void TruncateToANegativeOrHugeLengthFails()
    {
        Assert.Equal(Errno.EINVAL, _file.Truncate(-1));
        Assert.Equal(Errno.EFBIG, _file.Truncate(TmpfsFile.MaxSize + 1));
        Assert.Equal(-(long)Errno.EFBIG, _file.Write(TmpfsFile.MaxSize, new byte[] { 1 }));
    }

    // fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE): the range reads as
    // zeros, whole pages in it are freed, the size stays.
    [Fact]
    public void PunchingAHoleZeroesTheRangeAndFreesWholePages()
    {
        Write(_file, 0, Bytes(3 * Page, 0xaa));
        Assert.Equal(Ok, _file.Allocate(1000, 9000, keepSize: true, punchHole: true));
        Assert.Equal(3 * Page, _file.Size);
        Assert.Equal(2, Machine.FramesInUse); // page 1 was wholly inside
        Assert.Equal(16, _file.Blocks);
        Assert.Equal(Bytes(1000, 0xaa), Read(_file, 0, 1000));
        AssertZeros(1000, 9000);
        Assert.Equal(Bytes(3 * Page - 10000, 0xaa), Read(_file, 10000, 3 * Page));
    }

    [Fact]
    public void PunchingAHolePastTheDataChangesNothing()
    {
        Write(_file, 0, Bytes(100, 0xaa));
        Assert.Equal(Ok, _file.Allocate(50 * Page, 10 * Page, keepSize: true, punchHole: true));
        Assert.Equal(100, _file.Size);
        Assert.Equal(Bytes(100, 0xaa), Read(_file, 0, 100));
    }

    // fallocate(2) without flags takes the pages (zeroed) and grows the size;
    // with FALLOC_FL_KEEP_SIZE only takes them.
    [Fact]
    public void AllocateTakesZeroedPages()
    {
        Assert.Equal(Ok, _file.Allocate(0, 10000, keepSize: false, punchHole: false));
        Assert.Equal(10000, _file.Size);
        Assert.Equal(24, _file.Blocks);
        AssertZeros(0, 10000);
        Assert.Equal(Ok, _file.Allocate(10000, 3 * Page, keepSize: true, punchHole: false));
        Assert.Equal(10000, _file.Size);
        Assert.Equal(48, _file.Blocks); // pages 0 to 5: the range ends at 22288, in page 5
    }

    [Fact]
    public void OutOfMemoryIsAShortWriteThenENOSPC()
    {
        Machine.FrameLimit = 1;
        Assert.Equal(Page, _file.Write(0, Bytes(2 * Page, 1)));
        Assert.Equal(Page, _file.Size);
        Assert.Equal(-(long)Errno.ENOSPC, _file.Write(Page, new byte[] { 1 }));
        Assert.Equal(Errno.ENOSPC, _file.Allocate(0, 2 * Page, keepSize: false, punchHole: false));
    }

    // unlink(2) of an open file: it lives on, readable and writable, until the
    // last close; then its frames go back.
    [Fact]
    public void AnUnlinkedFileStaysUntilTheLastClose()
    {
        Write(_file, 0, Bytes(2 * Page, 5));
        OpenFile first = Open(_file), second = Open(_file, OpenFile.O_RDONLY);
        Unlink(Root, "f");
        Assert.Equal(0u, _file.Nlink);
        Assert.Equal(2, Sb.Inodes); // still an inode while open, as statfs counts on Linux
        Assert.Equal(Bytes(2 * Page, 5), Read(_file, 0, 2 * Page));
        Write(_file, 2 * Page, new byte[] { 6 });
        Close(first);
        Assert.Equal(3, Machine.FramesInUse);
        Assert.Equal(2 * Page + 1, _file.Size);
        Close(second);
        Assert.Equal(0, Machine.FramesInUse);
        Assert.Equal(0, Sb.Pages);
        Assert.Equal(1, Sb.Inodes);
    }

    [Fact]
    public void UnlinkWithNothingOpenFreesAtOnceAndCloseOfANamedFileKeepsIt()
    {
        Write(_file, 0, Bytes(10, 5));
        Close(Open(_file));
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(Bytes(10, 5), Read(_file, 0, 10));
        Unlink(Root, "f");
        Assert.Equal(0, Machine.FramesInUse);
    }

    // A second name keeps the data after the first goes.
    [Fact]
    public void AFileWithAnotherNameKeepsItsPages()
    {
        Write(_file, 0, Bytes(10, 5));
        HardLink(Root, "g", _file);
        Unlink(Root, "f");
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(Bytes(10, 5), Read(Resolve("g"), 0, 10));
    }

    [Fact]
    public void AFileReplacedByRenameStaysReadableWhileOpen()
    {
        Write(_file, 0, Bytes(10, 5));
        OpenFile open = Open(_file);
        Touch(Root, "other");
        Assert.Equal(Ok, Root.Rename("other", Root, "f", 0));
        Assert.Equal(Bytes(10, 5), Read(open.Inode, 0, 10));
        Close(open);
        Assert.Equal(0, Machine.FramesInUse);
    }

    // memfd_create(2): no name, open once; the last close frees it.
    [Fact]
    public void AMemfdIsFreedByItsLastClose()
    {
        TmpfsFile memfd = TmpfsFile.Memfd("buffer", 0, 0);
        var open = new OpenFile(memfd, OpenFile.O_RDWR); // memfd_create does not call Opened: the file starts open
        open.AddReference();
        Write(memfd, 0, Bytes(Page + 1, 3));
        Assert.Equal("/memfd:buffer (deleted)", memfd.LinkName);
        Assert.Equal(2, Machine.FramesInUse);
        Close(open);
        Assert.Equal(0, Machine.FramesInUse);
    }

    // read(2) straight from the frames to user memory, holes as zeros.
    [Fact]
    public void ReadToUserCopiesDataAndHoles()
    {
        Write(_file, 2 * Page - 3, new byte[] { 1, 2, 3, 4, 5, 6 });
        Machine.UserMemory.AsSpan().Fill(0xff);
        ulong user = FakePlatform.UserBase;
        Assert.Equal(2 * Page + 3, _file.ReadToUser(null, 0, user, 3 * Page));
        Assert.Equal(new byte[2 * Page - 3], Machine.UserMemory[..(2 * Page - 3)]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, Machine.UserMemory[(2 * Page - 3)..(2 * Page + 3)]);
        Assert.Equal(0xff, Machine.UserMemory[2 * Page + 3]);
    }

    // A buffer that runs into unmapped memory: what fitted, or EFAULT when nothing did.
    [Fact]
    public void ReadToUserIntoABadBufferIsShortOrEFAULT()
    {
        Write(_file, 0, Bytes(2 * Page, 4));
        ulong end = FakePlatform.UserBase + (ulong)Machine.UserMemory.Length;
        Assert.Equal(Page, _file.ReadToUser(null, 0, end - Page, 2 * Page));
        Assert.Equal(-(long)Errno.EFAULT, _file.ReadToUser(null, 0, end, Page));
    }

    // relatime: a read moves the access time when it is not later than the
    // modification or change time, or is a day old.
    [Fact]
    public void TheAccessTimeMovesAsRelatime()
    {
        KernelHost.RealTimeNanoseconds = 2 * Second;
        Write(_file, 0, new byte[] { 1 });
        Assert.Equal(2 * Second, _file.Mtime);
        KernelHost.RealTimeNanoseconds = 3 * Second;
        Read(_file, 0, 1);
        Assert.Equal(3 * Second, _file.Atime);
        KernelHost.RealTimeNanoseconds = 4 * Second;
        Read(_file, 0, 1);
        Assert.Equal(3 * Second, _file.Atime);
        KernelHost.RealTimeNanoseconds = 3 * Second + 86400 * Second;
        Read(_file, 0, 1);
        Assert.Equal(3 * Second + 86400 * Second, _file.Atime);
    }

    // pwrite(fd, buf, 0, 1000) leaves the size alone.
    [Fact]
    public void AnEmptyWriteDoesNotGrowTheFile()
    {
        Assert.Equal(0, _file.Write(1000, ReadOnlySpan<byte>.Empty));
        Assert.Equal(0, _file.Size);
    }

    // fallocate(2) of more than the filesystem may hold (half of memory) fails
    // before taking a frame; a write far out makes a sparse file.
    [Fact]
    public void AnAllocationBeyondTheLimitTakesNothing()
    {
        long half = (long)KernelHost.Pages.TotalPages / 2 * Page;
        Assert.Equal(Errno.ENOSPC, _file.Allocate(0, half + Page, keepSize: false, punchHole: false));
        Assert.Equal(0, Machine.FramesInUse);
        Assert.Equal(0, _file.Size);
        Assert.Equal(1, _file.Write(16L << 30, new byte[] { 7 }));
        Assert.Equal(1, Machine.FramesInUse);
        Assert.Equal(-(long)Errno.EFBIG, _file.Write(TmpfsFile.MaxSize, new byte[] { 7 }));
    }
}
