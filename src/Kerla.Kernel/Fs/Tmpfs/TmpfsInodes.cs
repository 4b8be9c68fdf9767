using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs.Tmpfs
{
    // tmpfs: files that live in kernel memory. The root filesystem until block
    // devices exist, filled from the initramfs as Linux fills its rootfs.
    // A directory keeps its entries in the order they came, each with a
    // position that never changes (readdir's offset: entries removed while a
    // directory is read make no other entry skipped), and a hash index of the
    // names once it has more than a few: Linux's dentry cache does that work
    // for its tmpfs.
    public sealed class TmpfsDirectory : Inode
    {
        private string[] _names = new string[8];
        private Inode[] _inodes = new Inode[8];
        private long[] _positions = new long[8];
        private int _count;
        private long _nextPosition;
        private int[] _index = new int[0]; // entry number + 1 by name hash (open addressing); empty for small directories
        private const int IndexFrom = 8;
        // Changes when rename(2) moves the directory. A directory holds a
        // reference on its parent, so that a removed parent is not freed while
        // a removed child someone is in still leads to it through "..".
        private TmpfsDirectory? _parent;

        public TmpfsDirectory(TmpfsDirectory? parent, uint permissions, uint uid, uint gid) : base(FileType.Directory, permissions, uid, gid)
        {
            SetParent(parent);
            Nlink = 2;
            // The root of a new instance (a mount); others join their parent's when linked.
            if (parent is null)
            {
                Filesystem = Superblock.NewAnonymous();
                Filesystem.Inodes = 1;
            }
        }

        private const uint S_ISGID = 0x400;

        // As Linux's tmpfs: 20 bytes per entry, "." and ".." included.
        public override long Size => 20 * (_count + 2);
        public override long Blocks => 0;
        public override Inode? Parent => _parent ?? this;
        public override int EntryCount => _count;

        public override Inode? Lookup(string name)
        {
            int i = IndexOf(name);
            return i < 0 ? null : _inodes[i];
        }

        public override bool EntryAt(long position, out string name, out Inode? inode, out long next)
        {
            // The first entry at or after `position`: positions grow with the entries.
            int low = 0, high = _count;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (_positions[middle] < position) low = middle + 1;
                else high = middle;
            }
            next = low < _count ? _positions[low] + 1 : position;
            return Entry(low, out name, out inode);
        }

        public override bool Entry(int index, out string name, out Inode? inode)
        {
            if ((uint)index >= (uint)_count)
            {
                name = "";
                inode = null;
                return false;
            }
            name = _names[index];
            inode = _inodes[index];
            return true;
        }

        public override Errno Link(string name, Inode inode)
        {
            if (Nlink == 0) return Errno.ENOENT; // removed: nothing more can be made in it
            if (Lookup(name) is not null) return Errno.EEXIST;
            Add(name, inode);
            return 0;
        }

        public override Errno Unlink(string name, bool directory)
        {
            // unlink of either is EISDIR; rmdir of "." EINVAL, of ".." ENOTEMPTY.
            if (name == ".") return directory ? Errno.EINVAL : Errno.EISDIR;
            if (name == "..") return directory ? Errno.ENOTEMPTY : Errno.EISDIR;
            int i = IndexOf(name);
            if (i >= 0)
            {
                Inode inode = _inodes[i];
                if (directory && !inode.IsDirectory) return Errno.ENOTDIR;
                if (!directory && inode.IsDirectory) return Errno.EISDIR;
                if (directory && inode.EntryCount > 0) return Errno.ENOTEMPTY;
                if (inode.References > 0 && (directory || inode.Nlink == 1)) Remember(inode, _names[i]);
                RemoveAt(i);
                inode.Nlink = directory ? 0 : inode.Nlink - 1;
                inode.Ctime = KernelHost.RealTimeNanoseconds;
                if (inode.Nlink == 0) Gone(inode);
                // Open descriptors keep the inode alive: its memory goes with the last reference.
                return 0;
            }
            return Errno.ENOENT;
        }

        public const uint RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2;

        public override Errno Rename(string oldName, Inode newDirectory, string newName, uint flags)
        {
            if (newDirectory is not TmpfsDirectory target) return Errno.EXDEV;
            if (target.Nlink == 0) return Errno.ENOENT;
            // "." and ".." name no entry that could move (Linux: EBUSY; EEXIST
            // for one as the new name under RENAME_NOREPLACE).
            if (oldName == "." || oldName == "..") return Errno.EBUSY;
            if (newName == "." || newName == "..") return (flags & RENAME_NOREPLACE) != 0 ? Errno.EEXIST : Errno.EBUSY;
            int from = IndexOf(oldName);
            if (from < 0) return Errno.ENOENT;
            Inode moving = _inodes[from];
            int to = target.IndexOf(newName);
            Inode? replaced = to < 0 ? null : target._inodes[to];
            if ((flags & RENAME_EXCHANGE) != 0)
            {
                if (replaced is null) return Errno.ENOENT;
                if (IsWithin(target, moving) || IsWithin(this, replaced)) return Errno.EINVAL;
                _inodes[from] = replaced;
                target._inodes[to] = moving;
                Moved(moving, target);
                Moved(replaced, this);
                // Each directory's ".." now counts toward the other parent.
                if (moving.IsDirectory) { Nlink--; target.Nlink++; }
                if (replaced.IsDirectory) { target.Nlink--; Nlink++; }
                Mtime = Ctime = target.Mtime = target.Ctime = KernelHost.RealTimeNanoseconds;
                return 0;
            }
            // As Linux checks them, first: a directory cannot move below itself,
            // and nothing can replace a directory it lies below.
            if (moving.IsDirectory && IsWithin(target, moving)) return Errno.EINVAL;
            if (replaced is TmpfsDirectory ancestor && IsWithin(this, ancestor)) return Errno.ENOTEMPTY;
            if (replaced is not null && (flags & RENAME_NOREPLACE) != 0) return Errno.EEXIST;
            if (replaced == moving) return 0; // two names of one file: nothing to do
            if (replaced is not null)
            {
                if (moving.IsDirectory && !replaced.IsDirectory) return Errno.ENOTDIR;
                if (!moving.IsDirectory && replaced.IsDirectory) return Errno.EISDIR;
                if (replaced.EntryCount > 0) return Errno.ENOTEMPTY;
            }
            if (replaced is not null)
            {
                // The replaced entry's slot takes the moving inode; a replaced
                // directory's ".." leaves as the moving one's arrives.
                target._inodes[to] = moving;
                target.Mtime = target.Ctime = KernelHost.RealTimeNanoseconds;
                if (!replaced.IsDirectory && replaced.Nlink == 1 && replaced.References > 0) target.Remember(replaced, newName);
                replaced.Nlink = replaced.IsDirectory ? 0 : replaced.Nlink - 1;
                replaced.Ctime = KernelHost.RealTimeNanoseconds;
                if (replaced.Nlink == 0) Gone(replaced);
                RemoveAt(from);
            }
            else
            {
                RemoveAt(from);
                target.Add(new string(newName.AsSpan()), moving); // the caller's name is the caller's
            }
            Moved(moving, target);
            return 0;
        }

        public override Errno CreateSymlink(string name, string target, uint uid, uint gid)
        {
            var link = new TmpfsSymlink(target, uid, GroupForNew(gid));
            Errno e = Link(name, link);
            if (e != 0) Memory.KernelObjects.Free(link); // the target is the caller's until the link is made
            return e;
        }

        // A set-group-ID directory gives what is made in it its own group.
        public uint GroupForNew(uint gid) => (Mode & S_ISGID) != 0 ? Gid : gid;

        private int IndexOf(string name)
        {
            if (_index.Length == 0)
            {
                for (int i = 0; i < _count; i++)
                    if (_names[i] == name) return i;
                return -1;
            }
            int mask = _index.Length - 1;
            for (int slot = Hash(name) & mask; _index[slot] != 0; slot = (slot + 1) & mask)
                if (_names[_index[slot] - 1] == name) return _index[slot] - 1;
            return -1;
        }

        // FNV-1a over the name's characters.
        private static int Hash(string name)
        {
            uint h = 2166136261;
            for (int i = 0; i < name.Length; i++) h = (h ^ name[i]) * 16777619;
            return (int)(h & 0x7fffffff);
        }

        // The hash index made again for the entries there are (twice as many slots at least).
        private void Reindex()
        {
            int size = 0;
            if (_count > IndexFrom)
                for (size = 16; size < _count * 2; size *= 2) { }
            if (size != _index.Length)
            {
                Memory.KernelObjects.Free(_index);
                _index = new int[size];
            }
            else Array.Clear(_index);
            for (int i = 0; i < _count && size > 0; i++) Insert(i);
        }

        private void Insert(int i)
        {
            int mask = _index.Length - 1, slot = Hash(_names[i]) & mask;
            while (_index[slot] != 0) slot = (slot + 1) & mask;
            _index[slot] = i + 1;
        }

        private void Add(string name, Inode inode)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _count * 2);
                Array.Resize(ref _inodes, _count * 2);
                Array.Resize(ref _positions, _count * 2);
            }
            _names[_count] = name;
            _inodes[_count] = inode;
            _positions[_count] = _nextPosition++;
            _count++;
            if (_count > IndexFrom && _count * 2 > _index.Length) Reindex();
            else if (_index.Length > 0) Insert(_count - 1);
            if (inode.IsDirectory) Nlink++;
            if (inode.Filesystem is null && Filesystem is Superblock sb)
            {
                inode.Filesystem = sb;
                sb.Inodes++;
            }
            Mtime = Ctime = KernelHost.RealTimeNanoseconds;
        }

        // The entry goes, and its name with it (a directory's names are its own).
        private void RemoveAt(int i)
        {
            Inode inode = _inodes[i];
            string name = _names[i];
            Array.Copy(_names, i + 1, _names, i, _count - i - 1);
            Array.Copy(_inodes, i + 1, _inodes, i, _count - i - 1);
            Array.Copy(_positions, i + 1, _positions, i, _count - i - 1);
            _count--;
            _names[_count] = null!;
            _inodes[_count] = null!;
            if (_index.Length > 0) Reindex(); // the entries after it moved down
            if (inode.IsDirectory) Nlink--;
            Mtime = Ctime = KernelHost.RealTimeNanoseconds;
            Memory.KernelObjects.Free(name);
        }

        private void SetParent(TmpfsDirectory? parent)
        {
            if (parent is not null) parent.References++;
            TmpfsDirectory? old = _parent;
            _parent = parent;
            old?.Unreference();
        }

        // Removed and left: empty, so only the directory's own storage goes,
        // and its hold on its parent, which may go the same way: up a chain of
        // removed directories in a loop (not by recursion: a deep chain would
        // overflow the kernel stack).
        public override void Evict()
        {
            TmpfsDirectory? directory = this;
            while (directory is not null)
            {
                TmpfsDirectory? parent = directory._parent;
                directory.FreeStorage();
                if (parent is not null && --parent.References == 0 && parent.Nlink == 0) directory = parent;
                else directory = null;
            }
        }

        private void FreeStorage()
        {
            Memory.KernelObjects.Free(_names);
            Memory.KernelObjects.Free(_inodes);
            Memory.KernelObjects.Free(_positions);
            Memory.KernelObjects.Free(_index);
            Evicting();
            Memory.KernelObjects.Free(this);
        }

        // A file still open is losing its last name, `name` here: /proc/<pid>/fd
        // shows the path it had.
        private void Remember(Inode inode, string name)
        {
            string directory = Vfs.PathOf(this) ?? "";
            if (inode.DeletedPath is not null) Memory.KernelObjects.Free(inode.DeletedPath);
            inode.DeletedPath = string.Concat(directory == "/" ? "" : directory, "/", name);
            Memory.KernelObjects.Free(directory);
        }

        // An inode lost its last name: with nothing referring to it, it goes
        // (the last close or chdir away does it otherwise).
        private static void Gone(Inode inode)
        {
            if (inode.References == 0) inode.Evict();
        }

        // Whether `directory` is `ancestor` or lies below it.
        private static bool IsWithin(TmpfsDirectory directory, Inode ancestor)
        {
            for (TmpfsDirectory? d = directory; d is not null; d = d._parent)
                if (d == ancestor) return true;
            return false;
        }

        // An inode now named in `to`: a directory's ".." follows it.
        private static void Moved(Inode inode, TmpfsDirectory to)
        {
            inode.Ctime = KernelHost.RealTimeNanoseconds;
            if (inode is TmpfsDirectory directory) directory.SetParent(to);
        }

        public override Errno Create(string name, FileType type, uint permissions, uint uid, uint gid, out Inode? created)
        {
            gid = GroupForNew(gid);
            // ... and its subdirectories the set-group-ID bit, so that it carries on down.
            if (type == FileType.Directory && (Mode & S_ISGID) != 0) permissions |= S_ISGID;
            created = type switch
            {
                FileType.Directory => new TmpfsDirectory(this, permissions, uid, gid),
                FileType.Regular => new TmpfsFile(permissions, uid, gid),
                _ => null,
            };
            if (created is null) return Errno.EPERM;
            Errno e = Link(name, created);
            if (e != 0)
            {
                created.Evict(); // never named: nothing else has it
                created = null;
            }
            return e;
        }
    }

    // A tmpfs file keeps its bytes in page frames, one per 4 KiB of the file
    // that was ever written; a page never written is a hole that reads as
    // zeros and takes no memory (st_blocks counts frames, as Linux's tmpfs).
    // A shared mapping maps the frames themselves. The frames go back when the
    // file loses its last name and its last open file description.
    public sealed class TmpfsFile : Inode
    {
        private const int PageSize = 4096, PageShift = 12;
        // The frame table has two levels of 512 entries' chunks, so that no
        // table is a large allocation; its top level is at most 256 KiB.
        private const int ChunkShift = 9, ChunkSize = 1 << ChunkShift;
        // A file may be 8 TiB long (a sparse one); its data may lie in the first 64 GiB.
        public const long MaxSize = 8L << 40, MaxData = 64L << 30;
        private ulong[]?[] _chunks = new ulong[]?[0];
        private long PageCount => (long)_chunks.Length << ChunkShift;
        private long _size;
        private int _frameCount;

        public TmpfsFile(uint permissions, uint uid, uint gid) : base(FileType.Regular, permissions, uid, gid) { }

        // memfd_create(2): a file in no directory, known by the name it was given,
        // open once.
        public static TmpfsFile Memfd(string name, uint uid, uint gid) =>
            new TmpfsFile(0x1ff, uid, gid) { Nlink = 0, _memfdName = name };

        private string? _memfdName;

        // open(2) with O_TMPFILE: a file in `directory`'s filesystem with no
        // name yet; linkat(2) may give it one unless O_EXCL said never.
        public static TmpfsFile Unnamed(TmpfsDirectory directory, uint permissions, uint uid, uint gid, bool linkable)
        {
            var file = new TmpfsFile(permissions, uid, directory.GroupForNew(gid)) { Nlink = 0, Linkable = linkable, Filesystem = directory.Filesystem };
            directory.Filesystem!.Inodes++;
            return file;
        }

        // Until linkat names it (once: I_LINKABLE goes then, as on Linux).
        public bool Linkable { get; set; }

        public override string? LinkName => _memfdName is null ? base.LinkName : string.Concat("/memfd:", _memfdName, " (deleted)");

        public override long Size => _size;
        public override long Blocks => (long)_frameCount * (PageSize / 512);

        private ulong FrameAt(long page)
        {
            long chunk = page >> ChunkShift;
            return chunk < _chunks.Length && _chunks[chunk] is ulong[] frames ? frames[page & (ChunkSize - 1)] : 0;
        }

        public override long Read(long offset, Span<byte> destination)
        {
            if (offset >= _size) return 0;
            int count = (int)Math.Min((long)destination.Length, _size - offset);
            Platform platform = KernelHost.Platform;
            for (int done = 0; done < count;)
            {
                long at = offset + done;
                int within = (int)(at & (PageSize - 1)), n = Math.Min(PageSize - within, count - done);
                ulong frame = FrameAt(at >> PageShift);
                if (frame == 0) destination.Slice(done, n).Clear();
                else platform.FrameBytes(frame).Slice(within, n).CopyTo(destination.Slice(done));
                done += n;
            }
            Accessed();
            return count;
        }

        // Straight from the frames to user memory.
        public override long ReadToUser(OpenFile? file, long offset, ulong address, long length)
        {
            if (offset >= _size) return 0;
            long count = Math.Min(length, _size - offset);
            Platform platform = KernelHost.Platform;
            Span<byte> zeros = stackalloc byte[256];
            zeros.Clear();
            for (long done = 0; done < count;)
            {
                long at = offset + done;
                int within = (int)(at & (PageSize - 1)), n = (int)Math.Min(PageSize - within, count - done);
                ulong frame = FrameAt(at >> PageShift);
                bool copied = true;
                if (frame != 0) copied = platform.CopyToUser(address + (ulong)done, platform.FrameBytes(frame).Slice(within, n));
                else
                    for (int z = 0; z < n && copied; z += zeros.Length)
                        copied = platform.CopyToUser(address + (ulong)(done + z), zeros.Slice(0, Math.Min(zeros.Length, n - z)));
                if (!copied) return done > 0 ? done : -(long)Errno.EFAULT;
                done += n;
            }
            Accessed();
            return count;
        }

        public override long Write(long offset, ReadOnlySpan<byte> source)
        {
            long end = offset + source.Length;
            if (offset < 0 || end > MaxData) return -(long)Errno.EFBIG;
            if (source.Length == 0) return 0;
            Platform platform = KernelHost.Platform;
            int done = 0;
            while (done < source.Length)
            {
                long at = offset + done;
                int within = (int)(at & (PageSize - 1)), n = Math.Min(PageSize - within, source.Length - done);
                ulong frame = Frame(at >> PageShift);
                if (frame == 0) break; // out of memory
                source.Slice(done, n).CopyTo(platform.FrameBytes(frame).Slice(within));
                done += n;
            }
            if (done == 0 && source.Length > 0) return -(long)Errno.ENOSPC;
            if (offset + done > _size) _size = offset + done;
            Mtime = Ctime = KernelHost.RealTimeNanoseconds;
            return done;
        }

        // The frame holding page `page`, made (zeroed) if it is a hole; 0 when
        // the filesystem is full (half of RAM, as Linux's default tmpfs size) or
        // the kernel would be left with too little memory.
        public ulong Frame(long page)
        {
            if (page >= MaxData >> PageShift) return 0;
            long chunk = page >> ChunkShift;
            ulong existing = FrameAt(page);
            if (existing != 0) return existing;
            // The checks come before the table grows: it takes memory too (a
            // chunk 2 pages, the top level up to 65), which the reserve covers.
            Memory.PageAllocator pages = KernelHost.Pages;
            if (pages.FreePages < KernelReserve || (Filesystem is Superblock full && full.Pages >= (long)pages.TotalPages / 2)) return 0;
            if (chunk >= _chunks.Length)
            {
                long length = Math.Max(chunk + 1, Math.Max(4, (long)_chunks.Length * 2));
                var larger = new ulong[]?[Math.Min(length, (MaxData >> PageShift) >> ChunkShift)];
                Array.Copy(_chunks, larger, _chunks.Length);
                Memory.KernelObjects.Free(_chunks);
                _chunks = larger;
            }
            ulong[] frames = _chunks[chunk] ??= new ulong[ChunkSize];
            int slot = (int)(page & (ChunkSize - 1));
            ulong frame = KernelHost.Platform.AllocateFrame();
            if (frame == 0) return 0;
            frames[slot] = frame;
            _frameCount++;
            if (Filesystem is Superblock sb) sb.Pages++;
            return frame;
        }

        // Pages kept for the kernel's own use, whatever files want.
        private const ulong KernelReserve = 1024;

        // Pages [first, last) become holes.
        private void FreeFrames(long first, long last)
        {
            last = Math.Min(last, PageCount);
            for (long page = first; page < last; page++)
            {
                ulong[]? frames = _chunks[page >> ChunkShift];
                if (frames is null)
                {
                    page |= ChunkSize - 1; // a whole chunk of holes
                    continue;
                }
                int slot = (int)(page & (ChunkSize - 1));
                if (frames[slot] == 0) continue;
                KernelHost.Platform.ReleaseFrame(frames[slot]);
                frames[slot] = 0;
                _frameCount--;
                if (Filesystem is Superblock sb) sb.Pages--;
            }
        }

        // Bytes [from, to) read as zeros: whole pages become holes, partial ones are cleared.
        private void Zero(long from, long to)
        {
            long firstWhole = (from + PageSize - 1) >> PageShift, lastWhole = to >> PageShift;
            if (firstWhole < lastWhole) FreeFrames(firstWhole, lastWhole);
            ClearBytes(from, Math.Min(to, firstWhole << PageShift));
            if (firstWhole <= lastWhole) ClearBytes(Math.Max(from, lastWhole << PageShift), to);
        }

        private void ClearBytes(long from, long to)
        {
            if (from >= to) return;
            ulong frame = FrameAt(from >> PageShift);
            if (frame != 0) KernelHost.Platform.FrameBytes(frame).Slice((int)(from & (PageSize - 1)), (int)(to - from)).Clear();
        }

        public override Errno Truncate(long length)
        {
            if (length < 0) return Errno.EINVAL;
            if (length > MaxSize) return Errno.EFBIG;
            if (length < _size) Zero(length, Math.Max(_size, PageCount << PageShift));
            _size = length;
            Mtime = Ctime = KernelHost.RealTimeNanoseconds;
            return 0;
        }

        public override Errno Allocate(long offset, long length, bool keepSize, bool punchHole)
        {
            long end = offset + length;
            if (end > MaxSize || end < offset) return Errno.EFBIG;
            if (punchHole) Zero(offset, end); // the size stays
            else
            {
                // More than a filesystem could ever hold fails before taking anything.
                long first = offset >> PageShift, last = (end + PageSize - 1) >> PageShift;
                if (end > MaxData) return Errno.EFBIG;
                if (last - first > (long)KernelHost.Pages.TotalPages / 2) return Errno.ENOSPC;
                for (long page = first; page < last; page++)
                    if (Frame(page) == 0) return Errno.ENOSPC;
                if (!keepSize && end > _size) _size = end;
            }
            Mtime = Ctime = KernelHost.RealTimeNanoseconds;
            return 0;
        }

        public override void Evict()
        {
            FreeFrames(0, PageCount);
            foreach (ulong[]? frames in _chunks) Memory.KernelObjects.Free(frames);
            Memory.KernelObjects.Free(_chunks);
            if (_memfdName is not null) Memory.KernelObjects.Free(_memfdName);
            Evicting();
            Memory.KernelObjects.Free(this);
        }
    }

    public sealed class TmpfsSymlink : Inode
    {
        private readonly string _target;

        public TmpfsSymlink(string target, uint uid, uint gid) : base(FileType.Symlink, 0x1ff, uid, gid) { _target = target; }

        public override long Size => _target.Length;
        // A short target lives in the inode; a longer one takes a page.
        public override long Blocks => _target.Length < 128 ? 0 : 8;
        public override string? LinkTarget => _target;

        public override void Evict()
        {
            Memory.KernelObjects.Free(_target);
            Evicting();
            Memory.KernelObjects.Free(this);
        }
    }
}
