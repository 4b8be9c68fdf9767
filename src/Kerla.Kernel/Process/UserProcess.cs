using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Process
{
    // A user process. Only init exists until fork arrives; it already owns what
    // every process will own: its address space and per-process settings.
    public sealed class UserProcess
    {
        public UserProcess(int pid) { Pid = pid; }

        public int Pid { get; }
        public AddressSpace Memory { get; } = new AddressSpace();
        public ulong RobustListHead { get; set; }
        public ulong ClearChildTid { get; set; }
        public Rlimits Limits { get; } = new Rlimits();
        public Credentials Credentials { get; } = new Credentials();
        // The parent's pid; 0 for init, as on Linux.
        public int ParentPid { get; set; }
        public uint Umask { get; set; } = 0x12; // 0022
        // The command name (comm): 15 bytes and a NUL, set by exec and PR_SET_NAME.
        public string Name { get; set; } = "";
        // The path the program was executed as (/proc/self/exe).
        public string ExePath { get; set; } = "";
        public Fs.FileTable Files { get; } = Fs.FileTable.WithConsole();
        public Fs.Inode Cwd { get; set; } = Fs.Vfs.Root!;
        public string CwdPath { get; set; } = "/";

        public static UserProcess? Current { get; set; }

        // A page fault at a user address, from user mode or from the user-copy
        // layer: true once the page is there (demand paging), false for SIGSEGV.
        public bool HandlePageFault(ulong address, bool write, bool execute)
        {
            int index = Memory.Find(address);
            if (index < 0) return false;
            Protection p = Memory[index].Protection;
            if (p == Protection.None || (write && (p & Protection.Write) == 0) || (execute && (p & Protection.Exec) == 0)) return false;
            ulong page = address & ~(AddressSpace.PageSize - 1);
            Platform platform = KernelHost.Platform;
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
    public sealed class Credentials
    {
        public uint Uid, Euid, Suid, Gid, Egid, Sgid;

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
        public const ulong Infinity = ulong.MaxValue;
        private readonly ulong[] _soft = new ulong[Count];
        private readonly ulong[] _hard = new ulong[Count];

        public Rlimits()
        {
            for (int i = 0; i < Count; i++) _soft[i] = _hard[i] = Infinity;
            Set(3, 8 * 1024 * 1024, Infinity);   // RLIMIT_STACK
            Set(4, 0, Infinity);                 // RLIMIT_CORE
            Set(7, 1024, 4096);                  // RLIMIT_NOFILE
            Set(8, 8 * 1024 * 1024, 8 * 1024 * 1024); // RLIMIT_MEMLOCK
            Set(14, 0, 0);                       // RLIMIT_RTPRIO
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
