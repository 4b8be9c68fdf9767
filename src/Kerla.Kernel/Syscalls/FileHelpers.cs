using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // What the file syscalls share: reading a path from user memory, filling a
    // struct stat, the calling process's working directory.
    internal static class FileHelpers
    {
        public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;

        public static Errno ReadPath(UserPtr<byte> pointer, out string path)
        {
            path = "";
            Span<byte> buffer = stackalloc byte[Vfs.PathMax];
            if (!UserMemory.ReadCString(pointer.Address, buffer, out int length, out bool complete)) return Errno.EFAULT;
            if (!complete) return Errno.ENAMETOOLONG;
            Span<char> chars = length <= 512 ? stackalloc char[length] : new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)buffer[i];
            path = new string(chars);
            return 0;
        }

        // A path argument of an *at syscall and where a relative one starts: dirfd's
        // directory, or the working directory for AT_FDCWD.
        public static Errno PathAt(int dirfd, UserPtr<byte> pathname, out string path, out Inode? start)
        {
            start = null;
            Errno e = ReadPath(pathname, out path);
            if (e != 0) return e;
            e = StartDirectory(path.Length > 0 && path[0] == '/' ? AT_FDCWD : dirfd, out start);
            if (e != 0)
            {
                FreePath(path);
                path = "";
            }
            return e;
        }

        // The inode an *at syscall's (dirfd, pathname, flags) names; flags may hold
        // AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH ("" then names dirfd itself).
        public static Errno InodeAt(int dirfd, UserPtr<byte> pathname, int flags, out Inode? inode)
        {
            inode = null;
            Errno e = ReadPath(pathname, out string path);
            if (e != 0) return e;
            if (path.Length == 0)
            {
                if ((flags & AT_EMPTY_PATH) == 0) return Errno.ENOENT;
                if (dirfd == AT_FDCWD) inode = UserProcess.Current?.Cwd ?? Vfs.Root;
                else inode = FileTable.Current.Get(dirfd)?.Inode;
                return inode is null ? Errno.EBADF : 0;
            }
            e = StartDirectory(path[0] == '/' ? AT_FDCWD : dirfd, out Inode? start);
            if (e == 0) e = Vfs.Lookup(path, start!, (flags & AT_SYMLINK_NOFOLLOW) == 0, out inode);
            FreePath(path);
            return e;
        }

        // A path ReadPath made, once the syscall is done with it ("" is a literal).
        public static void FreePath(string path)
        {
            if (path.Length > 0) Memory.KernelObjects.Free(path);
        }

        // Where an *at syscall creates `pathname`: the parent directory and the new
        // name (the caller's: the directory takes it, or Vfs.Drop frees it). A
        // name already taken (or "." or "..") is EEXIST; a trailing slash
        // promises a directory, so it is ENOENT for anything else.
        public static Errno NewEntry(int dirfd, UserPtr<byte> pathname, bool directory, out Inode? parent, out string name)
        {
            parent = null;
            name = "";
            Errno e = PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            e = Vfs.LookupParent(path, start!, out parent, out name);
            bool trailingSlash = path.Length > 0 && path[path.Length - 1] == '/';
            FreePath(path); // the name is a string of its own
            if (e == 0 && parent is null) e = Errno.ENOENT;
            else if (e == 0 && (name == "." || name == ".." || parent!.Lookup(name) is not null)) e = Errno.EEXIST;
            else if (e == 0) e = !directory && trailingSlash ? Errno.ENOENT : Permissions.MayChange(parent!);
            if (e != 0)
            {
                // Only a name that will be made is handed back.
                Vfs.Drop(name);
                name = "";
            }
            return e;
        }

        // A new open file description gets the lowest free descriptor; with none
        // left (EMFILE) it closes unused.
        public static SyscallResult Install(OpenFile file, bool closeOnExec)
        {
            int fd = FileTable.Current.Add(file, closeOnExec);
            if (fd < 0)
            {
                file.AddReference();
                file.DropReference();
            }
            return fd;
        }

        // The directory a relative path starts from: the cwd or dirfd's directory.
        public static Errno StartDirectory(int dirfd, out Inode? directory)
        {
            directory = null;
            if (dirfd == AT_FDCWD)
            {
                directory = UserProcess.Current?.Cwd ?? Vfs.Root;
                return directory is null ? Errno.ENOENT : 0;
            }
            OpenFile? file = FileTable.Current.Get(dirfd);
            if (file is null) return Errno.EBADF;
            if (!file.Inode.IsDirectory) return Errno.ENOTDIR;
            directory = file.Inode;
            return 0;
        }

        public static SyscallResult Stat(Inode inode, UserPtr<byte> statbuf)
        {
            Span<byte> bytes = stackalloc byte[Abi.Stat.Size];
            bytes.Clear();
            var stat = new Abi.Stat(bytes);
            stat.st_dev = inode.Dev;
            stat.st_ino = inode.Ino;
            stat.st_nlink = inode.Nlink;
            stat.st_mode = inode.Mode;
            stat.st_uid = inode.Uid;
            stat.st_gid = inode.Gid;
            stat.st_rdev = inode.Rdev;
            stat.st_size = inode.Size;
            stat.st_blksize = 4096;
            stat.st_blocks = inode.Blocks;
            stat.st_atime = inode.Atime / 1000000000;
            stat.st_atime_nsec = inode.Atime % 1000000000;
            stat.st_mtime = inode.Mtime / 1000000000;
            stat.st_mtime_nsec = inode.Mtime % 1000000000;
            stat.st_ctime = inode.Ctime / 1000000000;
            stat.st_ctime_nsec = inode.Ctime % 1000000000;
            return UserMemory.Write(statbuf, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
