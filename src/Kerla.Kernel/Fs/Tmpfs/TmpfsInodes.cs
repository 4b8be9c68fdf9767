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
        private readonly TmpfsDirectory? _parent;

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
                Array.Copy(_names, i + 1, _names, i, _count - i - 1);
                Array.Copy(_inodes, i + 1, _inodes, i, _count - i - 1);
                _count--;
                _names[_count] = null!;
                _inodes[_count] = null!;
                if (directory) Nlink--;
                inode.Nlink = directory ? 0 : inode.Nlink - 1;
                inode.Ctime = Mtime = Ctime = KernelHost.RealTimeSeconds;
                // Open descriptors keep the inode alive: its memory goes with the last reference.
                return 0;
            }
            return Errno.ENOENT;
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

        public override long Size => _size;

        public override long Read(long offset, Span<byte> destination)
        {
            if (offset >= _size) return 0;
            int count = (int)Math.Min((long)destination.Length, _size - offset);
            new ReadOnlySpan<byte>(_data, (int)offset, count).CopyTo(destination);
            Atime = KernelHost.RealTimeSeconds;
            return count;
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
