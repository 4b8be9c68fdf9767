using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // openat(2).
    public static class Openat
    {
        [Syscall(SyscallNumber.Openat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, int flags, uint mode)
        {
            Errno e = FileHelpers.PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            SyscallResult result = Open(path, start!, flags, mode);
            FileHelpers.FreePath(path);
            return result;
        }

        // O_TMPFILE: an unnamed file in the directory `path` names, opened for
        // writing (O_RDONLY and O_CREAT are EINVAL, as on Linux).
        private static SyscallResult OpenUnnamed(string path, Inode start, int flags, uint mode)
        {
            if ((flags & OpenFile.O_TMPFILE) != OpenFile.O_TMPFILE || (flags & OpenFile.O_CREAT) != 0 ||
                (flags & OpenFile.O_ACCMODE) == OpenFile.O_RDONLY) return Errno.EINVAL;
            Errno e = Vfs.Lookup(path, start, (flags & OpenFile.O_NOFOLLOW) == 0, out Inode? directory);
            if (e != 0) return e;
            if (!directory!.IsDirectory) return Errno.ENOTDIR;
            if (directory.Nlink == 0) return Errno.ENOENT; // removed
            if (directory is not Fs.Tmpfs.TmpfsDirectory tmpfs || tmpfs.Filesystem?.Magic != Superblock.TMPFS_MAGIC) return Errno.EOPNOTSUPP;
            e = Permissions.MayChange(directory);
            if (e != 0) return e;
            UserProcess? process = UserProcess.Current;
            var file = Fs.Tmpfs.TmpfsFile.Unnamed(tmpfs, mode & ~(process?.Umask ?? 0x12) & 0xfff, process?.Credentials.Euid ?? 0,
                process?.Credentials.Egid ?? 0, linkable: (flags & OpenFile.O_EXCL) == 0);
            int kept = OpenFile.O_ACCMODE | OpenFile.O_APPEND | OpenFile.O_NONBLOCK;
            return FileHelpers.Install(new OpenFile(file, flags & kept), (flags & OpenFile.O_CLOEXEC) != 0);
        }

        private static SyscallResult Open(string path, Inode start, int flags, uint mode)
        {
            Errno e;
            // O_PATH keeps only the flags that say which file it names.
            if ((flags & OpenFile.O_PATH) != 0) flags &= OpenFile.O_PATH | OpenFile.O_DIRECTORY | OpenFile.O_NOFOLLOW | OpenFile.O_CLOEXEC;
            if ((flags & (OpenFile.O_TMPFILE & ~OpenFile.O_DIRECTORY)) != 0) return OpenUnnamed(path, start, flags, mode);
            bool create = (flags & OpenFile.O_CREAT) != 0, exclusive = create && (flags & OpenFile.O_EXCL) != 0, created = false;
            // O_EXCL fails on any existing name, a symlink (even a dangling one or a loop) too.
            e = Vfs.Lookup(path, start!, (flags & OpenFile.O_NOFOLLOW) == 0 && !exclusive, out Inode? inode);
            if (e == Errno.ENOENT && create)
            {
                // A missing directory on the way is ENOENT; only the last component may be new.
                e = Vfs.LookupParent(path, start!, out Inode? parent, out string name);
                // A dangling symlink there: the file is made where it points.
                for (int links = 0; e == 0 && parent?.Lookup(name) is Inode { Type: FileType.Symlink } link; links++)
                {
                    if (exclusive) e = Errno.EEXIST;
                    else if (links == Vfs.MaxSymlinks) e = Errno.ELOOP;
                    else
                    {
                        string passed = name;
                        e = Vfs.LookupParent(link.LinkTarget!, parent, out parent, out name);
                        Vfs.Drop(passed);
                    }
                }
                // open("x/", O_CREAT): only a directory could be meant, and open cannot make one.
                if (e == 0 && path[path.Length - 1] == '/') e = Errno.EISDIR;
                if (e == 0 && (parent is null || !parent.IsDirectory)) e = Errno.ENOENT;
                if (e == 0) e = Permissions.MayChange(parent!);
                uint umask = UserProcess.Current?.Umask ?? 0x12;
                Process.Credentials? credentials = UserProcess.Current?.Credentials;
                if (e == 0) e = parent!.Create(name, FileType.Regular, mode & ~umask & 0xfff, credentials?.Euid ?? 0, credentials?.Egid ?? 0, out inode);
                if (e != 0)
                {
                    Vfs.Drop(name); // the directory took it only if the file was made
                    return e;
                }
                created = true;
            }
            else if (e != 0) return e;
            else if (exclusive) return Errno.EEXIST;
            else if (create && inode!.IsDirectory) return Errno.EISDIR;

            // O_NOFOLLOW on a symlink: only O_PATH opens the link itself.
            if (inode!.Type == FileType.Symlink && (flags & OpenFile.O_PATH) == 0) return Errno.ELOOP;
            // A file just made is opened as asked, whatever its mode says.
            if (!created && (flags & OpenFile.O_PATH) == 0)
            {
                int access = flags & OpenFile.O_ACCMODE;
                e = Permissions.Check(inode, (access != OpenFile.O_WRONLY ? Permissions.MAY_READ : 0) |
                    (access != OpenFile.O_RDONLY || (flags & OpenFile.O_TRUNC) != 0 ? Permissions.MAY_WRITE : 0));
                if (e != 0) return e;
            }
            if ((flags & OpenFile.O_DIRECTORY) != 0 && !inode.IsDirectory) return Errno.ENOTDIR;
            if (inode.IsDirectory && (flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY) return Errno.EISDIR;
            if ((flags & OpenFile.O_TRUNC) != 0 && (flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY && inode.Type == FileType.Regular)
            {
                e = inode.Truncate(0);
                if (e != 0) return e;
            }
            // O_PATH names the node itself: a device is not opened.
            Inode opened = inode;
            if ((flags & OpenFile.O_PATH) == 0)
            {
                e = inode.Open(out opened);
                if (e != 0) return e;
            }
            var file = new OpenFile(opened, flags & ~(OpenFile.O_CREAT | OpenFile.O_EXCL | OpenFile.O_TRUNC | OpenFile.O_CLOEXEC));
            long opening = (flags & OpenFile.O_PATH) != 0 ? 0 : opened.Opened(file);
            if (opening < 0)
            {
                file.Discard();
                return opening;
            }
            return FileHelpers.Install(file, (flags & OpenFile.O_CLOEXEC) != 0);
        }
    }
}
