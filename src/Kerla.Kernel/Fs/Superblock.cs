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
        public long Inodes { get; set; }
        public long Pages { get; set; }
    }
}
