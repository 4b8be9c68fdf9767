using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // The character devices (numbers as in Linux's devices.txt): memory devices,
    // random numbers and the terminals. One inode each, whatever node names it.
    public static class Devices
    {
        public static readonly Inode Null = new MemoryDevice(3), Zero = new MemoryDevice(5), Full = new MemoryDevice(7);
        public static readonly Inode Random = new RandomDevice(8), Urandom = new RandomDevice(9);
        public static readonly Inode Tty = new ControllingTty(), Console = new SystemConsole();
        public static readonly Inode Kmsg = new KernelMessages();

        public static Inode? Char(uint major, uint minor) => (major, minor) switch
        {
            (1, 3) => Null,
            (1, 5) => Zero,
            (1, 7) => Full,
            (1, 8) => Random,
            (1, 9) => Urandom,
            (1, 11) => Kmsg,
            (5, 0) => Tty,
            (5, 1) => Console,
            (4, 64) => ConsoleInode.Instance,
            _ => null,
        };

        // What `mount -t devpts devpts /dev/pts` shows: ptmx (mode 000, as
        // Linux's default ptmxmode) and no terminals yet (pseudo-terminals come
        // with their own issue).
        public static Inode NewDevpts()
        {
            var pts = new Tmpfs.TmpfsDirectory(null, 0x1ed, 0, 0);
            pts.Filesystem!.Magic = Superblock.DEVPTS_SUPER_MAGIC;
            pts.Link(Name("ptmx"), new SpecialFile(FileType.CharDevice, 5, 2, 0, 0, 0));
            return pts;
        }

        // A directory's names are its own (freed with the entry): never a literal.
        public static string Name(string literal) => new string(literal.AsSpan());

        // What `mount -t devtmpfs devtmpfs /dev` shows: a node per device, with
        // the mode and owner Linux gives them before udev changes any (0600 root
        // unless the driver says otherwise).
        public static Inode NewDevtmpfs()
        {
            var dev = new Tmpfs.TmpfsDirectory(null, 0x1ed, 0, 0);
            dev.Link(Name("null"), new SpecialFile(FileType.CharDevice, 1, 3, 0x1b6, 0, 0));
            dev.Link(Name("zero"), new SpecialFile(FileType.CharDevice, 1, 5, 0x1b6, 0, 0));
            dev.Link(Name("full"), new SpecialFile(FileType.CharDevice, 1, 7, 0x1b6, 0, 0));
            dev.Link(Name("random"), new SpecialFile(FileType.CharDevice, 1, 8, 0x1b6, 0, 0));
            dev.Link(Name("urandom"), new SpecialFile(FileType.CharDevice, 1, 9, 0x1b6, 0, 0));
            dev.Link(Name("kmsg"), new SpecialFile(FileType.CharDevice, 1, 11, 0x1a4, 0, 0));
            dev.Link(Name("tty"), new SpecialFile(FileType.CharDevice, 5, 0, 0x1b6, 0, 0));
            // Pseudo-terminals come with their own issue: opening ptmx is ENXIO until then.
            dev.Link(Name("ptmx"), new SpecialFile(FileType.CharDevice, 5, 2, 0x1b6, 0, 0));
            dev.Link(Name("console"), new SpecialFile(FileType.CharDevice, 5, 1, 0x180, 0, 0));
            dev.Link(Name("ttyS0"), new SpecialFile(FileType.CharDevice, 4, 64, 0x180, 0, 0));
            return dev;
        }
    }

    // A device node (mknod(2), devtmpfs, the initramfs): its own mode, owner and
    // times, naming a device by number. open(2) opens the device; a number no
    // driver has (any block device here) is ENXIO, as is a socket node's open.
    public sealed class SpecialFile : Inode
    {
        public readonly uint Major, Minor;

        public SpecialFile(FileType type, uint major, uint minor, uint permissions, uint uid, uint gid) : base(type, permissions, uid, gid)
        {
            Major = major;
            Minor = minor;
        }

        public override long Size => 0;
        // dev_t as the kernel encodes it for stat: minor's low byte, major, then minor's high bits.
        public override ulong Rdev => (Minor & 0xff) | (Major << 8) | ((ulong)(Minor & ~0xffu) << 12);

        public override void Evict()
        {
            Evicting();
            Memory.KernelObjects.Free(this);
        }

        public override Errno Open(out Inode opened)
        {
            Inode? device = Type == FileType.CharDevice ? Devices.Char(Major, Minor) : null;
            if (device is null)
            {
                opened = this;
                return Errno.ENXIO;
            }
            return device.Open(out opened);
        }
    }

    // Linux's "memory devices", character major 1, read-write for everyone.
    public abstract class MemoryClassDevice : Inode
    {
        protected readonly uint Minor;

        protected MemoryClassDevice(uint minor) : base(FileType.CharDevice, 0x1b6, 0, 0) { Minor = minor; }

        public override long Size => 0;
        public override bool FillsReads => true;

        public override string? LinkName => Minor switch
        {
            3 => new string("/dev/null".AsSpan()),
            5 => new string("/dev/zero".AsSpan()),
            7 => new string("/dev/full".AsSpan()),
            8 => new string("/dev/random".AsSpan()),
            11 => new string("/dev/kmsg".AsSpan()),
            _ => new string("/dev/urandom".AsSpan()),
        };
        public override ulong Rdev => (1 << 8) | Minor;
        public override ulong Dev => 5;
    }

    // /dev/null (reads end, writes vanish), /dev/zero (zeros), /dev/full (zeros,
    // and writes fail with ENOSPC).
    public sealed class MemoryDevice : MemoryClassDevice
    {
        public MemoryDevice(uint minor) : base(minor) { }

        public override long Read(long offset, Span<byte> destination)
        {
            if (Minor == 3) return 0;
            destination.Clear();
            return destination.Length;
        }

        public override long Write(long offset, ReadOnlySpan<byte> source) => Minor == 7 ? -(long)Errno.ENOSPC : source.Length;
    }

    // /dev/random and /dev/urandom: the kernel's generator, as getrandom(2).
    // Writes are mixed into it (not credited as entropy, as on Linux).
    public sealed class RandomDevice : MemoryClassDevice
    {
        public RandomDevice(uint minor) : base(minor) { }

        public override long Read(long offset, Span<byte> destination)
        {
            Crypto.Crng.Fill(destination);
            return destination.Length;
        }

        public override long Write(long offset, ReadOnlySpan<byte> source)
        {
            Crypto.Crng.Mix(source);
            return source.Length;
        }
    }

    // /dev/console: the system console, which is the serial port here.
    public sealed class SystemConsole : Inode
    {
        public SystemConsole() : base(FileType.CharDevice, 0x180, 0, 0) { }

        public override long Size => 0;
        public override ulong Rdev => (5 << 8) | 1;
        public override ulong Dev => 5;

        public override Errno Open(out Inode opened)
        {
            opened = ConsoleInode.Instance;
            return 0;
        }
    }

    // /dev/tty: the controlling terminal of the process that opens it; ENXIO
    // for a process without one.
    public sealed class ControllingTty : Inode
    {
        public ControllingTty() : base(FileType.CharDevice, 0x1b6, 0, 5) { }

        public override long Size => 0;
        public override ulong Rdev => 5 << 8;
        public override ulong Dev => 5;

        public override Errno Open(out Inode opened)
        {
            opened = ConsoleInode.Instance;
            Process.UserProcess? process = Process.UserProcess.Current;
            Tty.LineDiscipline console = Tty.LineDiscipline.Console;
            bool has = process is not null && process.HasControllingTty && console.Session == process.Sid && console.Session != 0;
            return has ? 0 : Errno.ENXIO;
        }
    }
}
