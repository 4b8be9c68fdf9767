using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // Path resolution (path_resolution(7)) over the mounted root: ".", "..",
    // symlinks (at most 40 in one lookup: ELOOP), ENOTDIR and ENAMETOOLONG as
    // Linux reports them.
    public static class Vfs
    {
        public const int PathMax = 4096, NameMax = 255, MaxSymlinks = 40;

        public static Inode? Root { get; private set; }

        public static void MountRoot(Inode root) => Root = root;

        // The inode `path` names, relative to `cwd` unless absolute.
        public static Errno Lookup(string path, Inode cwd, bool followLast, out Inode? result)
        {
            int links = 0;
            return Walk(path, cwd, followLast, ref links, out result, out _, out _, out _);
        }

        // The directory that would hold `path`'s last component, and that name
        // (whether or not that component exists).
        public static Errno LookupParent(string path, Inode cwd, out Inode? parent, out string name)
        {
            int links = 0;
            Errno e = Walk(path, cwd, false, ref links, out _, out parent, out name, out bool missingLast);
            return e == Errno.ENOENT && missingLast ? 0 : e;
        }

        // missingLast: the ENOENT returned was for the last component only.
        private static Errno Walk(string path, Inode cwd, bool followLast, ref int links, out Inode? result, out Inode? parent,
            out string lastName, out bool missingLast)
        {
            missingLast = false;
            result = null;
            parent = null;
            lastName = "";
            if (path.Length == 0) return Errno.ENOENT;
            if (path.Length >= PathMax) return Errno.ENAMETOOLONG;
            Inode current = path[0] == '/' ? Root! : cwd;
            int pos = 0;
            bool trailingSlash = path[path.Length - 1] == '/';
            while (true)
            {
                while (pos < path.Length && path[pos] == '/') pos++;
                if (pos >= path.Length)
                {
                    result = current;
                    parent = current.Parent;
                    lastName = ".";
                    return 0;
                }
                int end = pos;
                while (end < path.Length && path[end] != '/') end++;
                string name = path.Substring(pos, end - pos);
                if (name.Length > NameMax) return Errno.ENAMETOOLONG;
                int next = end;
                while (next < path.Length && path[next] == '/') next++;
                bool last = next >= path.Length;
                if (!current.IsDirectory) return Errno.ENOTDIR;
                parent = current;
                lastName = name;
                Inode? child = name == "." ? current : name == ".." ? current.Parent : current.Lookup(name);
                if (child is null)
                {
                    // The last component may be missing (open with O_CREAT asks for its parent).
                    missingLast = last;
                    return Errno.ENOENT;
                }
                if (child.Type == FileType.Symlink && (!last || followLast || trailingSlash))
                {
                    if (++links > MaxSymlinks) return Errno.ELOOP;
                    string target = child.LinkTarget!;
                    string rest = last ? (trailingSlash ? "/" : "") : path.Substring(end);
                    return Walk(string.Concat(target, rest), current, followLast, ref links, out result, out parent, out lastName, out missingLast);
                }
                if (last)
                {
                    if (trailingSlash && !child.IsDirectory) return Errno.ENOTDIR;
                    result = child;
                    return 0;
                }
                current = child;
                pos = next;
            }
        }
    }
}
