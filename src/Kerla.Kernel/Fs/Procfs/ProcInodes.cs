using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs.Procfs
{
    // A /proc file whose text is generated when it is read; a few (the
    // /proc/sys settings) take writes too.
    public sealed class ProcFile : Inode
    {
        public delegate void Generator(ref ProcText text);
        public delegate long Setter(ReadOnlySpan<byte> value);
        private readonly Generator _generate;
        private readonly Setter? _set;

        public ProcFile(Generator generate, Setter? set = null) : base(FileType.Regular, set is null ? 0x124u : 0x1a4u, 0, 0)
        {
            _generate = generate;
            _set = set;
        }

        // Linux reports 0: the size is not known until the text is made.
        public override long Size => 0;
        public override ulong Dev => ProcRoot.Device;

        // A gone process's file (ESRCH, as Linux): see ProcessDirectory.Detach.
        public bool Gone { get; set; }

        public override long Read(long offset, Span<byte> destination)
        {
            if (Gone) return -(long)Syscalls.Errno.ESRCH;
            Span<byte> buffer = stackalloc byte[4096];
            var text = new ProcText(buffer);
            _generate(ref text);
            return text.CopyOut(offset, destination);
        }

        public override long Write(long offset, ReadOnlySpan<byte> source) => _set is null ? -(long)Syscalls.Errno.EACCES : _set(source);

        // O_TRUNC on a setting changes nothing, as on Linux.
        public override Syscalls.Errno Truncate(long length) => _set is null ? Syscalls.Errno.EACCES : 0;

        public void Release()
        {
            Memory.KernelObjects.Free(_set);
            Memory.KernelObjects.Free(_generate);
            Memory.KernelObjects.Free(this);
        }
    }

    // A /proc symbolic link whose target is made (a new string, which the link
    // keeps until the next one) when it is read. A "magic" one (cwd, root)
    // also names the inode it stands for.
    public sealed class ProcSymlink : Inode
    {
        private readonly Func<string> _target;
        private readonly Func<Inode?>? _jump;
        private string _last = "";

        public ProcSymlink(Func<string> target, Func<Inode?>? jump = null) : base(FileType.Symlink, 0x1ff, 0, 0)
        {
            _target = target;
            _jump = jump;
        }

        public override long Size => 64;
        public override ulong Dev => ProcRoot.Device;
        public override Inode? Jump => _jump?.Invoke();

        public override string? LinkTarget
        {
            get
            {
                Memory.KernelObjects.Free(_last);
                _last = _target();
                return _last;
            }
        }

        public void Release()
        {
            Memory.KernelObjects.Free(_last);
            Memory.KernelObjects.Free(_target);
            Memory.KernelObjects.Free(_jump);
            Memory.KernelObjects.Free(this);
        }
    }

    // A /proc directory of named entries fixed when it is made.
    public abstract class ProcListing : Inode
    {
        protected string[] Names = null!;
        protected Inode[] Entries = null!;

        protected ProcListing() : base(FileType.Directory, 0x16d, 0, 0) { }

        public override long Size => 0;
        public override ulong Dev => ProcRoot.Device;
        public override int EntryCount => Entries.Length;

        public override Inode? Lookup(string name)
        {
            for (int i = 0; i < Names.Length; i++) if (Names[i] == name) return Entries[i];
            return null;
        }

        public override bool Entry(int index, out string name, out Inode? inode)
        {
            bool exists = index >= 0 && index < Entries.Length;
            name = exists ? Names[index] : "";
            inode = exists ? Entries[index] : null;
            return exists;
        }
    }

    // /proc/sys and /proc/sys/kernel.
    public sealed class ProcDirectory : ProcListing
    {
        private Inode _parent;

        public ProcDirectory(string[] names, Inode[] entries)
        {
            Names = names;
            Entries = entries;
            _parent = this;
            foreach (Inode entry in entries) if (entry is ProcDirectory d) d._parent = this;
        }

        public void SetParent(Inode parent) => _parent = parent;
        public override Inode? Parent => _parent;
    }

    // /proc/<pid>: made the first time it is looked up, freed with the process.
    public sealed class ProcessDirectory : ProcListing
    {
        private UserProcess _process;
        private readonly Inode _parent;
        private static readonly string[] s_names = { "cmdline", "comm", "cwd", "environ", "exe", "fd", "fdinfo", "maps", "mounts", "root", "stat", "statm", "status" };

        public ProcessDirectory(UserProcess process, Inode parent)
        {
            _process = process;
            _parent = parent;
            Name = process.Pid.ToString();
            Names = s_names;
            Entries = new Inode[]
            {
                new ProcFile(CommandLine),
                new ProcFile(Comm),
                new ProcSymlink(() => MayInspect ? Vfs.PathOf(_process.Cwd) ?? "" : "", () => MayInspect ? _process.Cwd : null),
                new ProcFile(Environ),
                new ProcSymlink(() => MayInspect ? new string(_process.ExePath.AsSpan()) : ""),
                new ProcFdDirectory(process, this, info: false),
                new ProcFdDirectory(process, this, info: true),
                new ProcFile(Maps),
                new ProcFile(Mounts),
                new ProcSymlink(() => MayInspect ? Vfs.PathOf(_process.Root) ?? "" : "", () => MayInspect ? _process.Root : null),
                new ProcFile(Stat),
                new ProcFile(Statm),
                new ProcFile(Status),
            };
        }

        public string Name { get; }
        public override Inode? Parent => _parent;

        // Where a process is and what it runs are for its own user and root
        // (Linux asks for ptrace access); a gone process shows nothing.
        private bool MayInspect => !_process.IsZombie &&
            (UserProcess.Current is not UserProcess c || c.Credentials.IsPrivileged || c.Credentials.Euid == _process.Credentials.Euid);

        // Someone is in the directory, or in or at one of its entries.
        public bool InUse
        {
            get
            {
                if (References > 0) return true;
                foreach (Inode entry in Entries)
                    if (entry.References > 0 || (entry is ProcFdDirectory fds && fds.InUse)) return true;
                return false;
            }
        }

        // The process is freed while something still refers to this directory:
        // it stays, showing a gone process (nothing), and is never freed.
        public void Detach()
        {
            _process = UserProcess.Gone;
            foreach (Inode entry in Entries)
            {
                (entry as ProcFdDirectory)?.Detach();
                if (entry is ProcFile file) file.Gone = true;
            }
        }

        // fd and fdinfo belong to the process's effective user, whoever it is now.
        public override Inode? Lookup(string name)
        {
            Inode? entry = base.Lookup(name);
            if (entry is ProcFdDirectory fds)
            {
                fds.Uid = _process.Credentials.Euid;
                fds.Gid = _process.Credentials.Egid;
            }
            return entry;
        }

        public void Release()
        {
            foreach (Inode entry in Entries)
            {
                if (entry is ProcFile file) file.Release();
                else if (entry is ProcSymlink link) link.Release();
                else if (entry is ProcFdDirectory fds) fds.Release();
            }
            Memory.KernelObjects.Free(Entries);
            Memory.KernelObjects.Free(Name);
        }

        private char State => _process.IsZombie ? 'Z' : _process.Stopped ? 'T' : _process.Task?.State == TaskState.Runnable ? 'R' : 'S';

        // The arguments (and environment) exec gave, each ended by a NUL; empty
        // for a zombie.
        private void CommandLine(ref ProcText text) => Strings(ref text, _process.CommandLine);
        private void Environ(ref ProcText text) => Strings(ref text, _process.Environment);

        private void Strings(ref ProcText text, byte[] strings)
        {
            if (_process.IsZombie) return;
            for (int i = 0; i < strings.Length; i++) text.Append((char)strings[i]);
        }

        private void Comm(ref ProcText text)
        {
            text.Append(_process.Name);
            text.Append('\n');
        }

        // proc_pid_stat(5): the fields up to the start time; the memory and
        // signal fields that are not kept yet read 0.
        private void Stat(ref ProcText text)
        {
            UserProcess p = _process;
            ulong hz = (ulong)KernelHost.Platform.TimerHz, tick = 1000000000UL / hz;
            text.Append((long)p.Pid); text.Append(" (");
            text.Append(p.Name); text.Append(") ");
            text.Append(State); text.Append(' ');
            text.Append((long)(p.Parent?.Pid ?? 0)); text.Append(' ');
            text.Append((long)p.Pgid); text.Append(' ');
            text.Append((long)p.Sid); text.Append(' ');
            Tty.LineDiscipline tty = Tty.LineDiscipline.Console;
            bool hasTty = p.HasControllingTty && tty.Session == p.Sid && tty.Session != 0;
            text.Append(hasTty ? (long)((4 << 8) | 64) : 0); text.Append(' ');
            text.Append(hasTty ? (long)tty.ForegroundGroup : -1);
            text.Append(" 0 0 0 0 0 ");
            text.Append(p.Cpu.User / tick); text.Append(' ');
            text.Append(p.Cpu.System / tick); text.Append(' ');
            text.Append(p.ReapedChildrenCpu.User / tick); text.Append(' ');
            text.Append(p.ReapedChildrenCpu.System / tick);
            text.Append(" 20 0 1 0 0 ");
            text.Append(VirtualSize());
            text.Append(" 0\n");
        }

        private ulong VirtualSize()
        {
            if (_process.IsZombie) return 0;
            Memory.AddressSpace memory = _process.Memory;
            ulong size = 0;
            for (int i = 0; i < memory.Count; i++) size += memory[i].End - memory[i].Start;
            return size;
        }

        // An instance method: a static one's delegate is cached by the compiler,
        // and Release frees the delegates.
        private void Mounts(ref ProcText text) => ProcRoot.Mounts(ref text);

        // proc_pid_statm(5), in pages: size, resident, shared, text, lib, data,
        // dt. Pages are not counted as they are touched, so resident is the size
        // too; text is what is executable, data what is writable and private.
        private void Statm(ref ProcText text)
        {
            if (_process.IsZombie)
            {
                text.Append("0 0 0 0 0 0 0\n");
                return;
            }
            Memory.AddressSpace memory = _process.Memory;
            ulong size = 0, code = 0, data = 0, shared = 0;
            for (int i = 0; i < memory.Count; i++)
            {
                Memory.Vma v = memory[i];
                ulong pages = (v.End - v.Start) >> 12;
                size += pages;
                if (v.Shared) shared += pages;
                else if ((v.Protection & Memory.Protection.Exec) != 0) code += pages;
                else if ((v.Protection & Memory.Protection.Write) != 0) data += pages;
            }
            text.Append(size); text.Append(' ');
            text.Append(size); text.Append(' ');
            text.Append(shared); text.Append(' ');
            text.Append(code); text.Append(" 0 ");
            text.Append(data); text.Append(" 0\n");
        }

        // proc_pid_maps(5): one line per mapping; no file offsets or inodes are
        // kept, so they read 0.
        private void Maps(ref ProcText text)
        {
            if (_process.IsZombie) return;
            Memory.AddressSpace memory = _process.Memory;
            for (int i = 0; i < memory.Count; i++)
            {
                Memory.Vma v = memory[i];
                int start = text.Length;
                Hex(ref text, v.Start);
                text.Append('-');
                Hex(ref text, v.End);
                text.Append(' ');
                text.Append((v.Protection & Memory.Protection.Read) != 0 ? 'r' : '-');
                text.Append((v.Protection & Memory.Protection.Write) != 0 ? 'w' : '-');
                text.Append((v.Protection & Memory.Protection.Exec) != 0 ? 'x' : '-');
                text.Append(v.Shared ? 's' : 'p');
                text.Append(" 00000000 00:00 0");
                if (v.Name.Length > 0)
                {
                    while (text.Length - start < 73) text.Append(' ');
                    text.Append(v.Name);
                }
                text.Append('\n');
            }
        }

        private static void Hex(ref ProcText text, ulong value)
        {
            int digits = 1;
            for (ulong v = value >> 4; v != 0; v >>= 4) digits++;
            for (int i = digits; i < 8; i++) text.Append('0');
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) text.Append("0123456789abcdef"[(int)((value >> shift) & 15)]);
        }

        private void Status(ref ProcText text)
        {
            UserProcess p = _process;
            text.Append("Name:\t"); text.Append(p.Name);
            text.Append("\nState:\t"); text.Append(State);
            text.Append(State switch { 'R' => " (running)", 'Z' => " (zombie)", 'T' => " (stopped)", _ => " (sleeping)" });
            text.Append("\nTgid:\t"); text.Append((long)p.Pid);
            text.Append("\nPid:\t"); text.Append((long)p.Pid);
            text.Append("\nPPid:\t"); text.Append((long)(p.Parent?.Pid ?? 0));
            Credentials c = p.Credentials;
            text.Append("\nUid:\t"); text.Append((ulong)c.Uid); text.Append('\t'); text.Append((ulong)c.Euid); text.Append('\t');
            text.Append((ulong)c.Suid); text.Append('\t'); text.Append((ulong)c.Euid);
            text.Append("\nGid:\t"); text.Append((ulong)c.Gid); text.Append('\t'); text.Append((ulong)c.Egid); text.Append('\t');
            text.Append((ulong)c.Sgid); text.Append('\t'); text.Append((ulong)c.Egid);
            text.Append("\nThreads:\t1\n");
        }
    }
}
