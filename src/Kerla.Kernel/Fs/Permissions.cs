using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // The access checks of path_resolution(7): of the owner, group and other
    // permission bits, the first class the caller belongs to decides. Root may
    // read and write anything and search any directory, but executes only what
    // has some execute bit. The kernel's own work (starting init) is root's.
    public static class Permissions
    {
        public const int MAY_EXEC = 1, MAY_WRITE = 2, MAY_READ = 4;
        private const uint S_ISUID = 0x800, S_ISGID = 0x400, S_ISVTX = 0x200, S_IXGRP = 0x8;

        public static Errno Check(Inode inode, int may)
        {
            Credentials? c = UserProcess.Current?.Credentials;
            return Allowed(inode, may, c?.Euid ?? 0, c?.Egid ?? 0, c) ? 0 : Errno.EACCES;
        }

        // With the given user and group (access(2) asks with the real ones).
        public static bool Allowed(Inode inode, int may, uint uid, uint gid, Credentials? c)
        {
            uint mode = inode.Mode;
            if (uid == 0) return (may & MAY_EXEC) == 0 || inode.IsDirectory || (mode & 0x49) != 0;
            uint bits = uid == inode.Uid ? mode >> 6 : gid == inode.Gid || InGroups(c, inode.Gid) ? mode >> 3 : mode;
            return ((uint)may & ~bits & 7) == 0;
        }

        private static bool InGroups(Credentials? c, uint gid)
        {
            if (c is null) return false;
            foreach (uint g in c.Groups) if (g == gid) return true;
            return false;
        }

        // Making or removing an entry in `directory`: write and search.
        public static Errno MayChange(Inode directory) => Check(directory, MAY_WRITE | MAY_EXEC);

        // Removing (or renaming, or replacing) `victim` from `directory`: in a
        // sticky directory only the file's owner, the directory's owner or root may.
        public static Errno MayRemove(Inode directory, Inode victim)
        {
            Errno e = MayChange(directory);
            if (e != 0) return e;
            Credentials? c = UserProcess.Current?.Credentials;
            if (c is null || c.Euid == 0 || (directory.Mode & S_ISVTX) == 0) return 0;
            return c.Euid == victim.Uid || c.Euid == directory.Uid ? 0 : Errno.EPERM;
        }

        // A write by someone other than root takes set-user-ID away, and
        // set-group-ID from a group-executable file, as Linux's file_remove_privs.
        public static void WrittenBy(Inode inode)
        {
            if (inode.Type != FileType.Regular || (inode.Mode & (S_ISUID | S_ISGID)) == 0) return;
            if (UserProcess.Current?.Credentials is not Credentials c || c.Euid == 0) return;
            uint kill = S_ISUID | ((inode.Mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) ? S_ISGID : 0);
            inode.Mode &= ~kill;
        }
    }
}
