using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs.Procfs
{
    // /proc/<pid>/fd (a link per open descriptor to what it has open) and
    // /proc/<pid>/fdinfo (its offset and flags). An entry is made the first
    // time its descriptor is looked up and kept, reading the descriptor table
    // each time, until the process is freed.
    public sealed class ProcFdDirectory : Inode
    {
        private UserProcess _process;
        private readonly Inode _parent;
        private readonly bool _info;
        private Inode?[] _entries = new Inode?[0];

        public ProcFdDirectory(UserProcess process, Inode parent, bool info) : base(FileType.Directory, info ? 0x16du : 0x140u, 0, 0)
        {
            _process = process;
            _parent = parent;
            _info = info;
        }

        public override long Size => 0;
        public override ulong Dev => ProcRoot.Device;
        public override Inode? Parent => _parent;

        public override int EntryCount
        {
            get
            {
                int count = 0;
                for (int fd = 0; fd < FileTable.Max && fd < Limit; fd++) if (_process.Files.Get(fd) is not null) count++;
                return count;
            }
        }

        private int Limit => _process.IsZombie ? 0 : FileTable.Max;

        public override Inode? Lookup(string name)
        {
            int fd = 0;
            if (name.Length == 0 || name.Length > 4 || (name.Length > 1 && name[0] == '0')) return null;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c < '0' || c > '9') return null;
                fd = fd * 10 + (c - '0');
            }
            return fd < Limit && _process.Files.Get(fd) is not null ? EntryFor(fd) : null;
        }

        public override bool Entry(int index, out string name, out Inode? inode)
        {
            name = "";
            inode = null;
            for (int fd = 0; fd < Limit; fd++)
            {
                if (_process.Files.Get(fd) is null || index-- > 0) continue;
                ProcFdEntry entry = EntryFor(fd);
                name = entry.Name;
                inode = entry;
                return true;
            }
            return false;
        }

        private ProcFdEntry EntryFor(int fd)
        {
            if (fd >= _entries.Length)
            {
                Inode?[] larger = new Inode?[Math.Max(fd + 1, _entries.Length * 2)];
                Array.Copy(_entries, larger, _entries.Length);
                Memory.KernelObjects.Free(_entries);
                _entries = larger;
            }
            var entry = (ProcFdEntry?)_entries[fd] ?? new ProcFdEntry(_process, fd, _info);
            _entries[fd] = entry;
            entry.Refresh();
            return entry;
        }

        public bool InUse
        {
            get
            {
                if (References > 0) return true;
                foreach (Inode? entry in _entries) if (entry is not null && entry.References > 0) return true;
                return false;
            }
        }

        // See ProcessDirectory.Detach.
        public void Detach()
        {
            _process = UserProcess.Gone;
            foreach (Inode? entry in _entries) (entry as ProcFdEntry)?.Detach();
        }

        public void Release()
        {
            foreach (Inode? entry in _entries) (entry as ProcFdEntry)?.Release();
            Memory.KernelObjects.Free(_entries);
            Memory.KernelObjects.Free(this);
        }
    }

    // fd/N: a magic link to the open file (its path as text, "pipe:[ino]" and
    // the like for what has none); fdinfo/N: "pos", "flags" (octal, with
    // O_CLOEXEC for a close-on-exec descriptor), "mnt_id" and "ino".
    public sealed class ProcFdEntry : Inode
    {
        private UserProcess _process;
        private readonly int _fd;
        private string _last = "";

        public ProcFdEntry(UserProcess process, int fd, bool info) : base(info ? FileType.Regular : FileType.Symlink, info ? 0x124u : 0x1c0u, 0, 0)
        {
            _process = process;
            _fd = fd;
            Name = fd.ToString();
        }

        public string Name { get; }
        public override long Size => Type == FileType.Symlink ? 64 : 0;
        public override ulong Dev => ProcRoot.Device;

        private OpenFile? File => _process.IsZombie ? null : _process.Files.Get(_fd);

        // A link's permissions say how the descriptor is open: r-x for reading, -wx for writing.
        public void Refresh()
        {
            Uid = _process.Credentials.Euid;
            Gid = _process.Credentials.Egid;
            if (Type != FileType.Symlink || File is not OpenFile file) return;
            Mode = (uint)FileType.Symlink | (file.CanRead || (file.Flags & OpenFile.O_PATH) != 0 ? 0x140u : 0) | (file.CanWrite ? 0x0c0u : 0);
        }

        // Anonymous inodes (eventfd, epoll) cannot be opened again through the link.
        public override Inode? Jump => File is OpenFile file && file.Inode.Type != 0 ? file.Inode : null;

        public override string? LinkTarget
        {
            get
            {
                if (Type != FileType.Symlink) return null;
                Memory.KernelObjects.Free(_last);
                _last = File is OpenFile file ? Vfs.PathOf(file.Inode) ?? file.Inode.LinkName ?? "" : "";
                return _last;
            }
        }

        public override long Read(long offset, Span<byte> destination)
        {
            if (Type != FileType.Regular || File is not OpenFile file) return 0;
            Span<byte> buffer = stackalloc byte[128];
            var text = new ProcText(buffer);
            text.Append("pos:\t"); text.Append(file.Offset);
            text.Append("\nflags:\t0");
            int flags = file.Flags | (_process.Files.CloseOnExec(_fd) ? OpenFile.O_CLOEXEC : 0);
            for (int shift = 30; shift >= 0; shift -= 3)
                if ((flags >> shift) != 0 || shift == 0) text.Append((char)('0' + ((flags >> shift) & 7)));
            text.Append("\nmnt_id:\t"); text.Append(file.Inode.Dev);
            text.Append("\nino:\t"); text.Append(file.Inode.Ino);
            text.Append('\n');
            return text.CopyOut(offset, destination);
        }

        public void Detach() => _process = UserProcess.Gone;

        public void Release()
        {
            Memory.KernelObjects.Free(_last);
            Memory.KernelObjects.Free(Name);
            Memory.KernelObjects.Free(this);
        }
    }
}
