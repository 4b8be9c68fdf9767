using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs.Procfs
{
    // The root of procfs (proc(5)), as `mount -t proc proc /proc` mounts it:
    // self, a directory per process, and the system-wide files, generated from
    // the kernel's own figures when read.
    public sealed class ProcRoot : Inode
    {
        public const ulong Device = 0x16;
        private static readonly string[] s_names = { "self", "meminfo", "metrics", "mounts", "uptime", "cmdline", "version", "filesystems", "loadavg", "stat", "cpuinfo", "sys" };
        private readonly Inode[] _files;

        public ProcRoot() : base(FileType.Directory, 0x16d, 0, 0)
        {
            _files = new Inode[]
            {
                new ProcSymlink(() => UserProcess.Current is UserProcess p ? new string(DirectoryOf(p).Name.AsSpan()) : ""),
                new ProcFile(Meminfo),
                new ProcFile(Metrics),
                new ProcFile(Mounts),
                new ProcFile(Uptime),
                new ProcFile(KernelCommandLine),
                new ProcFile(Version),
                new ProcFile(Filesystems),
                new ProcFile(Loadavg),
                new ProcFile(Stat),
                new ProcFile(Cpuinfo),
                Sys(),
            };
            ((ProcDirectory)_files[_files.Length - 1]).SetParent(this);
        }

        // /proc/sys/kernel: the names uname(2) reports; hostname and domainname
        // take writes from root, as sethostname(2) and setdomainname(2).
        private static ProcDirectory Sys() =>
            new ProcDirectory(new[] { "kernel" }, new Inode[]
            {
                new ProcDirectory(new[] { "domainname", "hostname", "osrelease", "ostype" }, new Inode[]
                {
                    new ProcFile(DomainName, SetDomainName),
                    new ProcFile(HostName, SetHostName),
                    new ProcFile(OsRelease),
                    new ProcFile(OsType),
                }),
            });

        private static void HostName(ref ProcText text) { text.Append(KernelHost.Hostname); text.Append('\n'); }
        private static void DomainName(ref ProcText text) { text.Append(KernelHost.DomainName); text.Append('\n'); }
        private static void OsRelease(ref ProcText text) { text.Append(Syscalls.Uname.Release); text.Append('\n'); }
        private static void OsType(ref ProcText text) => text.Append("Linux\n");

        private static long SetHostName(ReadOnlySpan<byte> value) => SetName(value, host: true);
        private static long SetDomainName(ReadOnlySpan<byte> value) => SetName(value, host: false);

        private static long SetName(ReadOnlySpan<byte> value, bool host)
        {
            long e = ReadName(value, out string name);
            if (e != 0) return e;
            string old = host ? KernelHost.Hostname : KernelHost.DomainName;
            if (host) KernelHost.Hostname = name;
            else KernelHost.DomainName = name;
            if ((object)old != "(none)") Memory.KernelObjects.Free(old);
            return value.Length;
        }

        // What was written, without its newline: at most 64 bytes, root only.
        private static long ReadName(ReadOnlySpan<byte> value, out string name)
        {
            name = "";
            if (UserProcess.Current is UserProcess p && !p.Credentials.IsPrivileged) return -(long)Syscalls.Errno.EPERM;
            int length = value.Length;
            if (length > 0 && value[length - 1] == (byte)'\n') length--;
            if (length > Syscalls.Sethostname.Max) return -(long)Syscalls.Errno.EINVAL;
            Span<char> chars = stackalloc char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)value[i];
            name = new string(chars);
            return 0;
        }

        public override long Size => 0;
        public override ulong Dev => Device;
        public override Inode? Parent => this;
        public override int EntryCount => s_names.Length + ProcessCount(Init.Process);

        public override Inode? Lookup(string name)
        {
            for (int i = 0; i < s_names.Length; i++) if (s_names[i] == name) return _files[i];
            int pid = 0;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c < '0' || c > '9' || pid > 100000000) return null;
                pid = pid * 10 + (c - '0');
            }
            UserProcess? process = name.Length > 0 ? ProcessTree.Find(pid) : null;
            return process is null ? null : DirectoryOf(process);
        }

        public override bool Entry(int index, out string name, out Inode? inode)
        {
            name = "";
            inode = null;
            if (index < 0) return false;
            if (index < s_names.Length)
            {
                name = s_names[index];
                inode = _files[index];
                return true;
            }
            int skip = index - s_names.Length;
            UserProcess? process = NthProcess(Init.Process, ref skip);
            if (process is null) return false;
            ProcessDirectory directory = DirectoryOf(process);
            name = directory.Name;
            inode = directory;
            return true;
        }

        // One /proc/<pid> per process, whichever procfs mount asks; freed with the process.
        private ProcessDirectory DirectoryOf(UserProcess process) =>
            process.ProcDirectory ??= new ProcessDirectory(process, this);

        private static int ProcessCount(UserProcess? process)
        {
            if (process is null) return 0;
            int count = 1;
            foreach (UserProcess? child in process.Children) count += ProcessCount(child);
            return count;
        }

        private static UserProcess? NthProcess(UserProcess? process, ref int n)
        {
            if (process is null) return null;
            if (n-- == 0) return process;
            foreach (UserProcess? child in process.Children)
            {
                UserProcess? found = NthProcess(child, ref n);
                if (found is not null) return found;
            }
            return null;
        }

        // The free figures are the page allocator's; the kernel keeps no page cache.
        private static void Meminfo(ref ProcText text)
        {
            Memory.PageAllocator pages = KernelHost.Pages;
            ulong total = pages.TotalPages * 4, free = pages.FreePages * 4;
            text.Append("MemTotal:       "); text.AppendPadded(total, 8); text.Append(" kB\n");
            text.Append("MemFree:        "); text.AppendPadded(free, 8); text.Append(" kB\n");
            text.Append("MemAvailable:   "); text.AppendPadded(free, 8); text.Append(" kB\n");
            text.Append("Buffers:        "); text.AppendPadded(0, 8); text.Append(" kB\n");
            text.Append("Cached:         "); text.AppendPadded(0, 8); text.Append(" kB\n");
            text.Append("SwapTotal:      "); text.AppendPadded(0, 8); text.Append(" kB\n");
            text.Append("SwapFree:       "); text.AppendPadded(0, 8); text.Append(" kB\n");
        }

        // Prometheus's text format, as the Rust Kerla's /proc/metrics.
        private static void Metrics(ref ProcText text)
        {
            Memory.PageAllocator pages = KernelHost.Pages;
            Counter(ref text, "kerla_monotonic_clock_ns", "counter", KernelHost.Platform.NanosecondsSinceBoot);
            Counter(ref text, "kerla_forks_total", "counter", Syscalls.Clone.Forks);
            Counter(ref text, "kerla_processes", "gauge", (ulong)ProcessCount(Init.Process));
            Counter(ref text, "kerla_pages_total", "gauge", pages.TotalPages);
            Counter(ref text, "kerla_pages_free", "gauge", pages.FreePages);
            Counter(ref text, "kerla_heap_bytes_in_use", "gauge", Runtime.KernelHeap.BytesInUse);
            Counter(ref text, "kerla_heap_pages", "gauge", Runtime.KernelHeap.PagesHeld);
        }

        private static void Counter(ref ProcText text, string name, string type, ulong value)
        {
            text.Append("# TYPE "); text.Append(name); text.Append(' '); text.Append(type); text.Append('\n');
            text.Append(name); text.Append(' '); text.Append(value); text.Append('\n');
        }

        internal static void Mounts(ref ProcText text)
        {
            text.Append("rootfs / rootfs rw 0 0\n");
            for (int i = 0; i < Vfs.MountSlots; i++)
            {
                Vfs.Mount? m = Vfs.MountAt(i);
                if (m is null) continue;
                text.Append(m.Source); text.Append(' ');
                text.Append(m.Path); text.Append(' ');
                text.Append(m.Type); text.Append(" rw 0 0\n");
            }
        }

        private static void KernelCommandLine(ref ProcText text)
        {
            text.Append(KernelHost.CommandLine.Text);
            text.Append('\n');
        }

        private static void Version(ref ProcText text)
        {
            text.Append("Linux version ");
            text.Append(Syscalls.Uname.Release);
            text.Append(" (Kerla for .NET ");
            text.Append(PackageInfo.Version);
            text.Append(") #1\n");
        }

        // What mount(2) takes; none needs a device.
        private static void Filesystems(ref ProcText text)
        {
            text.Append("nodev\tproc\nnodev\ttmpfs\nnodev\tdevtmpfs\nnodev\tdevpts\n");
        }

        // "1.00 0.50 0.20 running/all last-pid", as proc_loadavg(5).
        private static void Loadavg(ref ProcText text)
        {
            for (int i = 0; i < 3; i++)
            {
                ulong load = LoadAverage.Get(i) + (1UL << (LoadAverage.FixedShift - 1)) / 100; // rounded to hundredths
                text.Append(load >> LoadAverage.FixedShift);
                text.Append('.');
                ulong hundredths = ((load & ((1UL << LoadAverage.FixedShift) - 1)) * 100) >> LoadAverage.FixedShift;
                if (hundredths < 10) text.Append('0');
                text.Append(hundredths);
                text.Append(' ');
            }
            text.Append((ulong)Scheduler.RunnableCount);
            text.Append('/');
            text.Append((ulong)Scheduler.TaskCount);
            text.Append(' ');
            text.Append((ulong)(UserProcess.LastPid));
            text.Append('\n');
        }

        // The system-wide CPU time in USER_HZ ticks (one CPU), and counters, as
        // proc_stat(5) lays them out.
        private static void Stat(ref ProcText text)
        {
            ulong perTick = 100 / (ulong)KernelHost.Platform.TimerHz; // USER_HZ is 100
            for (int cpu = 0; cpu < 2; cpu++)
            {
                text.Append(cpu == 0 ? "cpu  " : "cpu0 ");
                text.Append(Scheduler.UserTicks * perTick); text.Append(" 0 ");
                text.Append(Scheduler.SystemTicks * perTick); text.Append(' ');
                text.Append(Scheduler.IdleTicks * perTick); text.Append(" 0 0 0 0 0 0\n");
            }
            text.Append("intr 0\nctxt "); text.Append(Scheduler.Switches);
            text.Append("\nbtime "); text.Append(KernelHost.Platform.BootRealTime);
            text.Append("\nprocesses "); text.Append(Syscalls.Clone.Forks);
            text.Append("\nprocs_running "); text.Append((ulong)Scheduler.RunnableCount);
            text.Append("\nprocs_blocked 0\n");
        }

        // The one CPU, in the fields x86 Linux starts each entry with (family,
        // model and stepping decoded from CPUID 1 as Linux does).
        private static void Cpuinfo(ref ProcText text)
        {
            Platform platform = KernelHost.Platform;
            uint signature = platform.CpuSignature;
            uint family = (signature >> 8) & 0xf, model = (signature >> 4) & 0xf;
            if (family == 0xf) family += (signature >> 20) & 0xff;
            if (family >= 6) model += ((signature >> 16) & 0xf) << 4;
            ulong khz = platform.CpuKilohertz;
            text.Append("processor\t: 0\nvendor_id\t: "); text.Append(platform.CpuVendor);
            text.Append("\ncpu family\t: "); text.Append((ulong)family);
            text.Append("\nmodel\t\t: "); text.Append((ulong)model);
            text.Append("\nmodel name\t: "); text.Append(platform.CpuModelName);
            text.Append("\nstepping\t: "); text.Append((ulong)(signature & 0xf));
            text.Append("\ncpu MHz\t\t: "); text.Append(khz / 1000); text.Append('.');
            ulong fraction = khz % 1000;
            if (fraction < 100) text.Append('0');
            if (fraction < 10) text.Append('0');
            text.Append(fraction);
            text.Append("\nsiblings\t: 1\ncpu cores\t: 1\n\n");
        }

        // Seconds since boot and seconds the CPU spent idle.
        private static void Uptime(ref ProcText text)
        {
            text.AppendCentiseconds(KernelHost.Platform.NanosecondsSinceBoot);
            text.Append(' ');
            text.AppendCentiseconds(Scheduler.IdleTicks * (1000000000UL / (ulong)KernelHost.Platform.TimerHz));
            text.Append('\n');
        }
    }
}
