namespace Kerla.Kernel.Fs
{
    // One mounted instance of a filesystem that keeps files (the tmpfs root, each
    // tmpfs and devtmpfs mount): the device number stat(2) reports for its
    // files, and what they use, for statfs(2).
    public sealed class Superblock
    {
        private static ulong s_nextDevice = 0x20; // anonymous devices 0:N, clear of the fixed ones (proc, pipefs, /dev)

        public Superblock(ulong device) { Device = device; }

        public static Superblock NewAnonymous() => new Superblock(s_nextDevice++);

        public ulong Device { get; }

        // statfs's f_type: tmpfs's unless it is another kind (devpts).
        public const long TMPFS_MAGIC = 0x01021994, DEVPTS_SUPER_MAGIC = 0x1cd1;
        public long Magic { get; set; } = TMPFS_MAGIC;
        public long Inodes { get; set; }
        public long Pages { get; set; }
    }
}
