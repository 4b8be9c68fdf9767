using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Fs
{
    // What statfs(2) says of the filesystem an inode is on. tmpfs (and
    // devtmpfs) may grow to half of RAM, as Linux's default size; what is free
    // is what the page allocator has left, so the figures follow the system.
    public static class FilesystemStats
    {
        private const long TMPFS_MAGIC = 0x01021994, PROC_SUPER_MAGIC = 0x9fa0, PIPEFS_MAGIC = 0x50495045;
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
            else
            {
                Memory.PageAllocator pages = KernelHost.Pages;
                long blocks = (long)pages.TotalPages / 2;
                s.f_type = TMPFS_MAGIC;
                s.f_blocks = s.f_files = blocks;
                s.f_bfree = s.f_bavail = s.f_ffree = Math.Min(blocks, (long)pages.FreePages);
            }
        }
    }
}
