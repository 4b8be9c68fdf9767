using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs.Procfs
{
    // A /proc file whose text is generated when it is read.
    public sealed class ProcFile : Inode
    {
        public delegate void Generator(ref ProcText text);
        private readonly Generator _generate;

        public ProcFile(Generator generate) : base(FileType.Regular, 0x124, 0, 0) { _generate = generate; }

        // Linux reports 0: the size is not known until the text is made.
        public override long Size => 0;
        public override ulong Dev => ProcRoot.Device;

        public override long Read(long offset, Span<byte> destination)
        {
            Span<byte> buffer = stackalloc byte[4096];
            var text = new ProcText(buffer);
            _generate(ref text);
            if (offset >= text.Length) return 0;
            int count = Math.Min(destination.Length, text.Length - (int)offset);
            text.Bytes.Slice((int)offset, count).CopyTo(destination);
            return count;
        }

        public override long Write(long offset, ReadOnlySpan<byte> source) => -(long)Syscalls.Errno.EACCES;

        public void Release()
        {
            Memory.KernelObjects.Free(_generate);
            Memory.KernelObjects.Free(this);
        }
    }

    // A /proc symbolic link whose target is looked up when it is followed.
    public sealed class ProcSymlink : Inode
    {
        private readonly Func<string> _target;

        public ProcSymlink(Func<string> target) : base(FileType.Symlink, 0x1ff, 0, 0) { _target = target; }

        public override long Size => 64;
        public override ulong Dev => ProcRoot.Device;
        public override string? LinkTarget => _target();

        public void Release()
        {
            Memory.KernelObjects.Free(_target);
            Memory.KernelObjects.Free(this);
        }
    }

    // /proc/<pid>: made the first time it is looked up, freed with the process.
    public sealed class ProcessDirectory : Inode
    {
        private readonly UserProcess _process;
        private readonly Inode _parent;
        private readonly string[] _names = { "cmdline", "comm", "environ", "exe", "maps", "stat", "status" };
        private readonly Inode[] _entries;

        public ProcessDirectory(UserProcess process, Inode parent) : base(FileType.Directory, 0x16d, 0, 0)
        {
            _process = process;
            _parent = parent;
            Name = process.Pid.ToString();
            _entries = new Inode[]
            {
                new ProcFile(CommandLine),
                new ProcFile(Comm),
                new ProcFile(Environ),
                new ProcSymlink(() => _process.ExePath),
                new ProcFile(Maps),
                new ProcFile(Stat),
                new ProcFile(Status),
            };
        }

        public string Name { get; }
        public override long Size => 0;
        public override ulong Dev => ProcRoot.Device;
        public override Inode? Parent => _parent;
        public override int EntryCount => _entries.Length;

        public override Inode? Lookup(string name)
        {
            for (int i = 0; i < _names.Length; i++) if (_names[i] == name) return _entries[i];
            return null;
        }

        public override bool Entry(int index, out string name, out Inode? inode)
        {
            bool exists = index >= 0 && index < _entries.Length;
            name = exists ? _names[index] : "";
            inode = exists ? _entries[index] : null;
            return exists;
        }

        public void Release()
        {
            foreach (Inode entry in _entries)
            {
                if (entry is ProcFile file) file.Release();
                else if (entry is ProcSymlink link) link.Release();
            }
            Memory.KernelObjects.Free(_entries);
            Memory.KernelObjects.Free(_names);
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
