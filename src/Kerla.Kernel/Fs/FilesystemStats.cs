using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Fs
{
    // What statfs(2) says of the filesystem an inode is on. tmpfs (and
    // devtmpfs) may grow to half of RAM, as Linux's default size.
    public static class FilesystemStats
    {
        private const long PROC_SUPER_MAGIC = 0x9fa0, PIPEFS_MAGIC = 0x50495045;
        private const long ST_VALID = 0x20, ST_RELATIME = 0x1000;

        public static void Fill(Inode inode, Span<byte> bytes)
        {
            bytes.Clear();
            var s = new Statfs(bytes);
            s.f_bsize = s.f_frsize = 4096;
            s.f_namelen = Vfs.NameMax;
            s.f_flags = ST_VALID | ST_RELATIME;
            if (inode.Dev == Procfs.ProcRoot.Device) s.f_type = PROC_SUPER_MAGIC;
            else if (inode is Pipe) s.f_type = PIPEFS_MAGIC;
            else if (inode.Filesystem?.Magic == Superblock.DEVPTS_SUPER_MAGIC) s.f_type = Superblock.DEVPTS_SUPER_MAGIC; // no sizes, as Linux's
            else
            {
                // As Linux's tmpfs: half of RAM in blocks and in inodes by
                // default, less what the instance's files hold.
                long limit = (long)KernelHost.Pages.TotalPages / 2;
                Superblock? sb = inode.Filesystem;
                s.f_type = Superblock.TMPFS_MAGIC;
                s.f_blocks = s.f_files = limit;
                s.f_bfree = s.f_bavail = Math.Max(0, limit - (sb?.Pages ?? 0));
                s.f_ffree = Math.Max(0, limit - (sb?.Inodes ?? 0));
            }
        }
    }
}
