using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs.Tmpfs
{
    // tmpfs: files that live in kernel memory. The root filesystem until block
    // devices exist, filled from the initramfs as Linux fills its rootfs.
    public sealed class TmpfsDirectory : Inode
    {
        private string[] _names = new string[8];
        private Inode[] _inodes = new Inode[8];
        private int _count;
        private TmpfsDirectory? _parent; // changes when rename(2) moves the directory

        public TmpfsDirectory(TmpfsDirectory? parent, uint permissions, uint uid, uint gid) : base(FileType.Directory, permissions, uid, gid)
        {
            _parent = parent;
            Nlink = 2;
        }

        public override long Size => 4096;
        public override Inode? Parent => _parent ?? this;
        public override int EntryCount => _count;

        public override Inode? Lookup(string name)
        {
            for (int i = 0; i < _count; i++)
                if (_names[i] == name) return _inodes[i];
            return null;
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
            if (Lookup(name) is not null) return Errno.EEXIST;
            Add(name, inode);
            return 0;
        }

        public override Errno Unlink(string name, bool directory)
        {
            if (name == "." ) return Errno.EINVAL;
            if (name == "..") return Errno.ENOTEMPTY;
            for (int i = 0; i < _count; i++)
            {
                if (_names[i] != name) continue;
                Inode inode = _inodes[i];
                if (directory && !inode.IsDirectory) return Errno.ENOTDIR;
                if (!directory && inode.IsDirectory) return Errno.EISDIR;
                if (directory && inode.EntryCount > 0) return Errno.ENOTEMPTY;
                RemoveAt(i);
                inode.Nlink = directory ? 0 : inode.Nlink - 1;
                inode.Ctime = KernelHost.RealTimeSeconds;
                // Open descriptors keep the inode alive: its memory goes with the last reference.
                return 0;
            }
            return Errno.ENOENT;
        }

        public const uint RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2;

        public override Errno Rename(string oldName, Inode newDirectory, string newName, uint flags)
        {
            if (newDirectory is not TmpfsDirectory target) return Errno.EXDEV;
            // "." and ".." name no entry that could move (Linux: EBUSY).
            if (oldName == "." || oldName == ".." || newName == "." || newName == "..")
                return (flags & RENAME_NOREPLACE) != 0 ? Errno.EEXIST : Errno.EBUSY;
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
                Mtime = Ctime = target.Mtime = target.Ctime = KernelHost.RealTimeSeconds;
                return 0;
            }
            if (replaced is not null && (flags & RENAME_NOREPLACE) != 0) return Errno.EEXIST;
            if (replaced == moving) return 0; // two names of one file: nothing to do
            if (replaced is not null)
            {
                if (moving.IsDirectory && !replaced.IsDirectory) return Errno.ENOTDIR;
                if (!moving.IsDirectory && replaced.IsDirectory) return Errno.EISDIR;
                if (replaced.EntryCount > 0) return Errno.ENOTEMPTY;
            }
            // A directory cannot move below itself.
            if (moving.IsDirectory && IsWithin(target, moving)) return Errno.EINVAL;
            if (replaced is not null)
            {
                // The replaced entry's slot takes the moving inode; a replaced
                // directory's ".." leaves as the moving one's arrives.
                target._inodes[to] = moving;
                target.Mtime = target.Ctime = KernelHost.RealTimeSeconds;
                replaced.Nlink = replaced.IsDirectory ? 0 : replaced.Nlink - 1;
                replaced.Ctime = KernelHost.RealTimeSeconds;
                RemoveAt(from);
            }
            else
            {
                RemoveAt(from);
                target.Add(newName, moving);
            }
            Moved(moving, target);
            return 0;
        }

        public override Errno CreateSymlink(string name, string target, uint uid, uint gid) =>
            Link(name, new TmpfsSymlink(target, uid, gid));

        private int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
                if (_names[i] == name) return i;
            return -1;
        }

        private void Add(string name, Inode inode)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _count * 2);
                Array.Resize(ref _inodes, _count * 2);
            }
            _names[_count] = name;
            _inodes[_count] = inode;
            _count++;
            if (inode.IsDirectory) Nlink++;
            Mtime = Ctime = KernelHost.RealTimeSeconds;
        }

        private void RemoveAt(int i)
        {
            Inode inode = _inodes[i];
            Array.Copy(_names, i + 1, _names, i, _count - i - 1);
            Array.Copy(_inodes, i + 1, _inodes, i, _count - i - 1);
            _count--;
            _names[_count] = null!;
            _inodes[_count] = null!;
            if (inode.IsDirectory) Nlink--;
            Mtime = Ctime = KernelHost.RealTimeSeconds;
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
            inode.Ctime = KernelHost.RealTimeSeconds;
            if (inode is TmpfsDirectory directory) directory._parent = to;
        }

        public override Errno Create(string name, FileType type, uint permissions, uint uid, uint gid, out Inode? created)
        {
            created = type switch
            {
                FileType.Directory => new TmpfsDirectory(this, permissions, uid, gid),
                FileType.Regular => new TmpfsFile(permissions, uid, gid),
                _ => null,
            };
            if (created is null) return Errno.EPERM;
            return Link(name, created);
        }
    }

    public sealed class TmpfsFile : Inode
    {
        private byte[] _data = new byte[0];
        private long _size;

        public TmpfsFile(uint permissions, uint uid, uint gid) : base(FileType.Regular, permissions, uid, gid) { }

        // memfd_create(2): a file in no directory, known by the name it was given.
        public static TmpfsFile Memfd(string name, uint uid, uint gid) =>
            new TmpfsFile(0x1ff, uid, gid) { Nlink = 0, _memfdName = name };

        private string? _memfdName;

        public override string? LinkName => _memfdName is null ? null : string.Concat("/memfd:", _memfdName, " (deleted)");

        public override long Size => _size;

        public override long Read(long offset, Span<byte> destination)
        {
            if (offset >= _size) return 0;
            int count = (int)Math.Min((long)destination.Length, _size - offset);
            new ReadOnlySpan<byte>(_data, (int)offset, count).CopyTo(destination);
            Atime = KernelHost.RealTimeSeconds;
            return count;
        }

        public override bool TryGetContents(out ReadOnlySpan<byte> contents)
        {
            contents = new ReadOnlySpan<byte>(_data, 0, (int)_size);
            return true;
        }

        public override long Write(long offset, ReadOnlySpan<byte> source)
        {
            long end = offset + source.Length;
            if (end > int.MaxValue) return -(long)Errno.EFBIG;
            Grow(end);
            source.CopyTo(new Span<byte>(_data, (int)offset, source.Length));
            if (end > _size) _size = end;
            Mtime = Ctime = KernelHost.RealTimeSeconds;
            return source.Length;
        }

        public override Errno Truncate(long length)
        {
            if (length < 0) return Errno.EINVAL;
            if (length > int.MaxValue) return Errno.EFBIG;
            Grow(length);
            if (length < _size) new Span<byte>(_data, (int)length, (int)(_size - length)).Clear();
            _size = length;
            Mtime = Ctime = KernelHost.RealTimeSeconds;
            return 0;
        }

        public override Errno Allocate(long offset, long length, bool keepSize, bool punchHole)
        {
            long end = offset + length;
            if (end > int.MaxValue || end < offset) return Errno.EFBIG;
            if (punchHole)
            {
                // The range reads back as zeros; the size stays.
                if (offset < _size) new Span<byte>(_data, (int)offset, (int)(Math.Min(end, _size) - offset)).Clear();
            }
            else
            {
                Grow(end);
                if (!keepSize && end > _size) _size = end;
            }
            Mtime = Ctime = KernelHost.RealTimeSeconds;
            return 0;
        }

        private void Grow(long size)
        {
            if (size <= _data.Length) return;
            long capacity = Math.Max(size, Math.Max(64, (long)_data.Length * 2));
            byte[] larger = new byte[capacity];
            Array.Copy(_data, larger, (int)_size);
            if (_data.Length > 0) Kerla.Runtime.ObjectAllocator.Free(_data);
            _data = larger;
        }
    }

    public sealed class TmpfsSymlink : Inode
    {
        private readonly string _target;

        public TmpfsSymlink(string target, uint uid, uint gid) : base(FileType.Symlink, 0x1ff, uid, gid) { _target = target; }

        public override long Size => _target.Length;
        public override string? LinkTarget => _target;
    }
}
