using System;
using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Process
{
    // A user process. Only init exists until fork arrives; it already owns what
    // every process will own: its address space and per-process settings.
    public sealed class UserProcess
    {
        public UserProcess(int pid) : this(pid, new AddressSpace(), Fs.FileTable.WithConsole(), new Rlimits(), new Credentials(), new SignalActions()) { }

        private UserProcess(int pid, AddressSpace memory, Fs.FileTable files, Rlimits limits, Credentials credentials, SignalActions actions)
        {
            Pid = pid;
            Memory = memory;
            Files = files;
            Limits = limits;
            Credentials = credentials;
            Actions = actions;
            // Root is null only in the kernel's self tests, before any mount.
            if (_cwd is not null) _cwd.References++;
            if (_root is not null) _root.References++;
        }

        public int Pid { get; }
        // Process group and session (setpgid(2), setsid(2)); inherited by fork.
        // Linux starts init in session 0, group 0.
        public int Pgid { get; set; }
        public int Sid { get; set; }
        // Whether its session's controlling terminal is its own (the console is
        // the only terminal): setsid(2) leaves it without one, TIOCSCTTY gives one.
        public bool HasControllingTty { get; set; }
        // A vfork child still running in its parent's memory (and page tables).
        public bool SharesParentMemory { get; private set; }

        // The vfork child execs or exits: the memory is the parent's alone again,
        // and the parent goes on.
        public void EndVfork()
        {
            SharesParentMemory = false;
            if (Parent?.Task is not null) Scheduler.Wake(Parent.Task);
        }

        // Whether it has called execve(2) since fork: a parent may no longer move
        // it to another process group.
        public bool HasExeced { get; set; }

        // The root of its page tables (CR3 on x86_64).
        public ulong AddressSpaceRoot { get; set; }
        public Task? Task { get; set; }
        public UserProcess? Parent { get; set; }
        public UserProcess?[] Children { get; private set; } = new UserProcess?[4];
        // Exited and not yet reaped by wait4: the wait status to report.
        public bool IsZombie { get; set; }
        // Its parent ignores SIGCHLD (or set SA_NOCLDWAIT): nobody waits for it,
        // and the parent's next wait or fork frees it.
        public bool AutoReap { get; set; }
        public int WaitStatus { get; set; }

        // CPU time in nanoseconds, sampled on timer ticks as Linux does without
        // precise accounting: its own, and that of its reaped children (and theirs).
        public CpuTimes Cpu;
        public CpuTimes ReapedChildrenCpu;

        // What wait4's rusage reports and reaping passes on to the parent.
        public CpuTimes CpuWithReapedChildren
        {
            get
            {
                CpuTimes total = Cpu;
                total.Add(ReapedChildrenCpu);
                return total;
            }
        }

        public void AddChild(UserProcess child)
        {
            for (int i = 0; i < Children.Length; i++)
                if (Children[i] is null) { Children[i] = child; return; }
            UserProcess?[] more = new UserProcess?[Children.Length * 2];
            Array.Copy(Children, more, Children.Length);
            more[Children.Length] = child;
            Children = more;
        }

        public void RemoveChild(UserProcess child)
        {
            for (int i = 0; i < Children.Length; i++)
                if (Children[i] == child) Children[i] = null;
        }

        // fork(2): a copy of this process (memory, descriptors, directory,
        // credentials, limits); the caller gives it page tables and a task.
        // vfork(2) shares the memory instead, until the child execs or exits.
        public UserProcess Fork(bool shareMemory = false)
        {
            var child = new UserProcess(AllocatePid(), shareMemory ? Memory : Memory.Clone(), Files.Clone(), Limits.Clone(), Credentials.Clone(), Actions.Clone())
            {
                SharesParentMemory = shareMemory,
                Parent = this,
                Cwd = Cwd,
                Root = Root,
                Umask = Umask,
                BlockedSignals = BlockedSignals,
                AltStackBase = AltStackBase,
                AltStackSize = AltStackSize,
                AltStackAutoDisarm = AltStackAutoDisarm,
                Name = Name,
                ExePath = ExePath,
                Pgid = Pgid,
                Sid = Sid,
                HasControllingTty = HasControllingTty,
            };
            // Replacing the empty ones the constructor made.
            KernelObjects.Free(child.CommandLine);
            child.CommandLine = Copy(CommandLine);
            KernelObjects.Free(child.Environment);
            child.Environment = Copy(Environment);
            AddChild(child);
            return child;
        }

        // exit(2), exit_group(2) or a fatal signal: the process becomes a zombie
        // holding its wait status (status << 8, or the signal number) until its
        // parent reaps it; its children go to init.
        public static void ExitCurrent(int waitStatus)
        {
            UserProcess process = Current!;
            if (process.Pid == Kerla.Kernel.Process.Init.Pid) Kerla.Kernel.Process.Init.Killed(waitStatus);
            // set_tid_address(2): the thread ID word is cleared at exit (the futex
            // wake-up that goes with it comes with futexes).
            if (process.ClearChildTid != 0)
            {
                System.Span<byte> zero = stackalloc byte[4];
                zero.Clear();
                Syscalls.UserMemory.Write(new Syscalls.UserPtr<byte>(process.ClearChildTid), zero);
            }
            process.Files.CloseAll();
            Itimers.Disarm(process);
            if (process.SharesParentMemory)
            {
                // A vfork child that never exec'd: nothing of the memory is its own.
                process.Memory = new AddressSpace();
                process.AddressSpaceRoot = 0;
                process.EndVfork();
            }
            // A session leader takes its terminal with it: the foreground group hangs up.
            Tty.LineDiscipline console = Tty.LineDiscipline.Console;
            if (process.Sid == process.Pid && process.HasControllingTty && console.Session == process.Sid) console.Hangup();
            process.WaitStatus = waitStatus;
            process.IsZombie = true;
            UserProcess? init = Kerla.Kernel.Process.Init.Process;
            for (int i = 0; i < process.Children.Length; i++)
            {
                UserProcess? child = process.Children[i];
                if (child is null || init is null) continue;
                child.Parent = init;
                init.AddChild(child);
                process.Children[i] = null;
                if (child.IsZombie && init.Task is not null) Scheduler.Wake(init.Task);
            }
            if (process.Parent is UserProcess parent &&
                (parent.Actions.Handler[Signals.SIGCHLD] == Signals.SIG_IGN || (parent.Actions.Flags[Signals.SIGCHLD] & Signals.SA_NOCLDWAIT) != 0))
                process.AutoReap = true;
            int signal = waitStatus & 0x7f;
            Signals.NotifyParent(process, signal == 0 ? Signals.CLD_EXITED : (waitStatus & 0x80) != 0 ? Signals.CLD_DUMPED : Signals.CLD_KILLED,
                signal == 0 ? (waitStatus >> 8) & 0xff : signal);
            Scheduler.Exit();
        }

        // A reaped zombie: everything it owned goes back to the heap (its pages and
        // kernel stack were freed already); its name and path only if no other
        // process shares them (fork copies the references).
        public void Release()
        {
            Memory.Release();
            KernelObjects.Free(Memory);
            Files.Release();
            KernelObjects.Free(Files);
            Limits.Release();
            KernelObjects.Free(Limits);
            Credentials.Release();
            KernelObjects.Free(Credentials);
            _cwd?.Unreference();
            _root?.Unreference();
            ReleaseString(Name);
            ReleaseString(ExePath);
            KernelObjects.Free(CommandLine);
            KernelObjects.Free(Environment);
            FreeDetachedProcDirectories();
            if (ProcDirectory?.InUse == true)
            {
                ProcDirectory.Detach();
                int slot = 0;
                while (slot < s_detached.Length && s_detached[slot] is not null) slot++;
                if (slot == s_detached.Length)
                {
                    slot = s_detached.Length;
                    Array.Resize(ref s_detached, slot * 2);
                }
                s_detached[slot] = ProcDirectory;
            }
            else if (ProcDirectory is not null)
            {
                ProcDirectory.Release();
                KernelObjects.Free(ProcDirectory);
            }
            Actions.Release();
            KernelObjects.Free(Actions);
            KernelObjects.Free(PendingInfo);
            KernelObjects.Free(Children);
            if (Task is not null)
            {
                KernelObjects.Free(Task.Context);
                KernelObjects.Free(Task);
            }
            KernelObjects.Free(this);
        }

        private static int s_nextPid = 2;
        public static int AllocatePid() => s_nextPid++;
        // The most recent PID given out (/proc/loadavg).
        public static int LastPid => s_nextPid - 1;
        public AddressSpace Memory { get; set; }
        public ulong RobustListHead { get; set; }
        public ulong ClearChildTid { get; set; }
        public Rlimits Limits { get; private set; }
        public Credentials Credentials { get; private set; }
        public uint Umask { get; set; } = 0x12; // 0022
        // Signals (bit n-1 for signal n): blocked ones are kept across fork and
        // exec; pending ones are not inherited by fork, and each carries its siginfo.
        public ulong BlockedSignals { get; set; }
        public ulong PendingSignals { get; set; }
        public SignalInfo[] PendingInfo { get; } = new SignalInfo[SignalActions.Count];
        public SignalActions Actions { get; }
        // rt_sigsuspend, ppoll and pselect6 wait with another mask; this one
        // comes back when the signal has been delivered.
        public bool HasSavedMask { get; set; }
        public ulong SavedMask { get; set; }
        // sigaltstack(2); size 0 is disabled.
        public ulong AltStackBase { get; set; }
        public ulong AltStackSize { get; set; }
        public uint AltStackAutoDisarm { get; set; }
        // Stopped by a signal; what wait4 with WUNTRACED or WCONTINUED has yet to report.
        public bool Stopped { get; set; }
        public int StopReport { get; set; }
        public bool ContinueReport { get; set; }
        // setitimer(2): nanoseconds left (0 is disarmed) and the reload interval,
        // for ITIMER_REAL (monotonic deadline), ITIMER_VIRTUAL and ITIMER_PROF.
        public ulong RealTimerDeadline, RealTimerInterval;
        public ulong VirtualTimerLeft, VirtualTimerInterval, ProfTimerLeft, ProfTimerInterval;

        // execve(2): caught signals go back to their default action; the
        // alternate stack is gone with the old program's memory.
        public void ResetSignalsForExec()
        {
            Actions.ResetForExec();
            AltStackBase = AltStackSize = 0;
            AltStackAutoDisarm = 0;
        }
        // The command name (comm): 15 bytes and a NUL, set by exec and PR_SET_NAME.
        public string Name { get; private set; } = "";
        // The program's path with symlinks resolved (/proc/self/exe).
        public string ExePath { get; private set; } = "";
        // argv and envp as exec gave them, each string followed by a NUL
        // (/proc/<pid>/cmdline and environ; the first 4 KiB of each).
        public byte[] CommandLine { get; private set; } = new byte[0];
        public byte[] Environment { get; private set; } = new byte[0];

        public void SetCommandLine(string[] argv, string[] envp)
        {
            KernelObjects.Free(CommandLine);
            CommandLine = Pack(argv);
            KernelObjects.Free(Environment);
            Environment = Pack(envp);
        }

        private static byte[] Pack(string[] strings)
        {
            int length = 0;
            foreach (string a in strings) length += a.Length + 1;
            byte[] bytes = new byte[Math.Min(length, 4096)];
            int at = 0;
            foreach (string a in strings)
                for (int i = 0; i <= a.Length && at < bytes.Length; i++) bytes[at++] = i < a.Length ? (byte)a[i] : (byte)0;
            return bytes;
        }

        private static byte[] Copy(byte[] bytes)
        {
            byte[] copy = new byte[bytes.Length];
            Array.Copy(bytes, copy, bytes.Length);
            return copy;
        }

        // Name and ExePath are shared with the parent after fork (strings do not
        // change); the last process that holds one frees it. "" is the literal
        // init starts with, never freed. ExePath also names the program's
        // mappings, which exec replaces along with it.
        public void SetName(string name)
        {
            string old = Name;
            Name = name;
            ReleaseString(old);
        }

        public void SetExePath(string path)
        {
            string old = ExePath;
            ExePath = path;
            ReleaseString(old);
        }

        // /proc/<pid> directories that were in use when their process was
        // freed: each goes at a later reap, once nothing uses it.
        private static Fs.Procfs.ProcessDirectory?[] s_detached = new Fs.Procfs.ProcessDirectory?[4];

        private static void FreeDetachedProcDirectories()
        {
            for (int i = 0; i < s_detached.Length; i++)
            {
                if (s_detached[i] is not Fs.Procfs.ProcessDirectory directory || directory.InUse) continue;
                s_detached[i] = null;
                directory.Release();
                KernelObjects.Free(directory);
            }
        }

        private void ReleaseString(string s)
        {
            if (s.Length > 0 && !ProcessTree.Holds(s, this)) KernelObjects.Free(s);
        }
        public Fs.FileTable Files { get; private set; }
        // The working directory, and where absolute paths start and ".." stops
        // (chroot(2)): each a reference to its inode, so that a removed
        // directory is freed when the last process leaves it.
        public Fs.Inode Cwd { get => _cwd; set => _cwd = Swap(_cwd, value); }
        public Fs.Inode Root { get => _root; set => _root = Swap(_root, value); }
        private Fs.Inode _cwd = Fs.Vfs.Root!, _root = Fs.Vfs.Root!;

        private static Fs.Inode Swap(Fs.Inode old, Fs.Inode value)
        {
            value.References++;
            old?.Unreference();
            return value;
        }

        public static UserProcess? Current { get; set; }

        // What a /proc/<pid> still referred to shows once its process is freed:
        // a zombie with nothing (made once, never freed).
        public static UserProcess Gone => s_gone ??= new UserProcess(0) { IsZombie = true };
        private static UserProcess? s_gone;

        // Its /proc/<pid>, once something looked it up.
        public Fs.Procfs.ProcessDirectory? ProcDirectory { get; set; }

        // A page fault at a user address, from user mode or from the user-copy
        // layer: true once the page is there (demand paging) or writable
        // (copy-on-write after fork), false for SIGSEGV.
        public bool HandlePageFault(ulong address, bool write, bool execute, bool present)
        {
            int index = Memory.Find(address);
            if (index < 0) return false;
            Protection p = Memory[index].Protection;
            if (p == Protection.None || (write && (p & Protection.Write) == 0) || (execute && (p & Protection.Exec) == 0)) return false;
            ulong page = address & ~(AddressSpace.PageSize - 1);
            Platform platform = KernelHost.Platform;
            if (present) return write && platform.BreakCopyOnWrite(page);
            return platform.MapUserPage(page, (p & Protection.Write) != 0, (p & Protection.Exec) != 0);
        }

        // The page tables of the current address space, for AddressSpace.
        public sealed class CurrentPageTables : AddressSpace.PageTables
        {
            public static readonly CurrentPageTables Instance = new CurrentPageTables();

            public override void Unmap(ulong page) => KernelHost.Platform.UnmapUserPage(page);

            public override void Protect(ulong page, Protection protection) =>
                KernelHost.Platform.ProtectUserPage(page, (protection & Protection.Write) != 0, (protection & Protection.Exec) != 0,
                    accessible: protection != Protection.None);
        }
    }

    // Real, effective and saved user and group IDs (credentials(7)). Everyone is
    // root until there are users; the rules below are Linux's all the same.
    public struct CpuTimes
    {
        public ulong User, System;

        public void Add(CpuTimes other)
        {
            User += other.User;
            System += other.System;
        }
    }

    public sealed class Credentials
    {
        public uint Uid, Euid, Suid, Gid, Egid, Sgid;
        // Supplementary group IDs (setgroups(2)).
        public uint[] Groups = new uint[0];

        public Credentials Clone()
        {
            var copy = new Credentials { Uid = Uid, Euid = Euid, Suid = Suid, Gid = Gid, Egid = Egid, Sgid = Sgid };
            copy.SetGroups(Groups);
            return copy;
        }

        public void SetGroups(uint[] groups)
        {
            KernelObjects.Free(Groups);
            Groups = new uint[groups.Length];
            Array.Copy(groups, Groups, groups.Length);
        }

        public void Release() => KernelObjects.Free(Groups);

        public bool IsPrivileged => Euid == 0;

        // setuid(2): root sets all three; others may only go back to the real or saved ID.
        public bool SetUid(uint uid)
        {
            if (IsPrivileged) { Uid = Euid = Suid = uid; return true; }
            if (uid != Uid && uid != Suid) return false;
            Euid = uid;
            return true;
        }

        public bool SetGid(uint gid)
        {
            if (IsPrivileged) { Gid = Egid = Sgid = gid; return true; }
            if (gid != Gid && gid != Sgid) return false;
            Egid = gid;
            return true;
        }
    }

    // getrlimit(2) resources with Linux's defaults for init.
    public sealed class Rlimits
    {
        public const int Count = 16; // RLIM_NLIMITS
        public const int RLIMIT_CORE = 4;
        public const ulong Infinity = ulong.MaxValue;
        private readonly ulong[] _soft = new ulong[Count];
        private readonly ulong[] _hard = new ulong[Count];

        public Rlimits()
        {
            for (int i = 0; i < Count; i++) _soft[i] = _hard[i] = Infinity;
            Set(3, 8 * 1024 * 1024, Infinity);   // RLIMIT_STACK
            Set(RLIMIT_CORE, 0, Infinity);
            Set(7, 1024, 4096);                  // RLIMIT_NOFILE
            Set(8, 8 * 1024 * 1024, 8 * 1024 * 1024); // RLIMIT_MEMLOCK
            Set(14, 0, 0);                       // RLIMIT_RTPRIO
        }

        public void Release()
        {
            KernelObjects.Free(_soft);
            KernelObjects.Free(_hard);
        }

        public Rlimits Clone()
        {
            var copy = new Rlimits();
            Array.Copy(_soft, copy._soft, Count);
            Array.Copy(_hard, copy._hard, Count);
            return copy;
        }

        public ulong Soft(int resource) => _soft[resource];
        public ulong Hard(int resource) => _hard[resource];

        public void Set(int resource, ulong soft, ulong hard)
        {
            _soft[resource] = soft;
            _hard[resource] = hard;
        }
    }
}
