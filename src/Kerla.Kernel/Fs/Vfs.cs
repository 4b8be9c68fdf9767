using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // Path resolution (path_resolution(7)) over the mounted root: ".", "..",
    // symlinks (at most 40 in one lookup: ELOOP), ENOTDIR and ENAMETOOLONG as
    // Linux reports them; a directory with a filesystem mounted on it stands
    // for that filesystem's root, whose ".." is the directory's parent.
    public static class Vfs
    {
        public const int PathMax = 4096, NameMax = 255, MaxSymlinks = 40;

        public static Inode? Root { get; private set; }

        public static void MountRoot(Inode root) => Root = root;

        // The mount table (mount(2)): what is mounted where, for /proc/mounts too.
        public sealed class Mount
        {
            public Inode Point = null!, Root = null!;
            public string Source = "", Type = "", Path = "";
        }

        private static Mount?[] s_mounts = new Mount?[8];

        public static Mount? MountAt(int index) => index < s_mounts.Length ? s_mounts[index] : null;
        public static int MountSlots => s_mounts.Length;

        public static Errno AddMount(Inode point, Inode root, string source, string type, string path)
        {
            if (!point.IsDirectory) return Errno.ENOTDIR;
            if (point.Nlink == 0) return Errno.ENOENT; // removed
            if (Covering(point) != point) return Errno.EBUSY;
            for (int i = 0; i < s_mounts.Length; i++)
            {
                if (s_mounts[i] is not null) continue;
                s_mounts[i] = new Mount { Point = point, Root = root, Source = source, Type = type, Path = path };
                point.References++; // the mount point stays while mounted on
                return 0;
            }
            Array.Resize(ref s_mounts, s_mounts.Length * 2);
            return AddMount(point, root, source, type, path);
        }

        // umount2(2): `root` is the root of a mounted filesystem.
        public static Errno RemoveMount(Inode root)
        {
            for (int i = 0; i < s_mounts.Length; i++)
            {
                Mount? m = s_mounts[i];
                if (m is null || m.Root != root) continue;
                s_mounts[i] = null;
                m.Point.Unreference();
                return 0;
            }
            return Errno.EINVAL;
        }

        // What a path through `inode` reaches: the root mounted on it, if any.
        public static Inode Covering(Inode inode)
        {
            foreach (Mount? m in s_mounts)
                if (m is not null && m.Point == inode) return Covering(m.Root);
            return inode;
        }

        // "..": out of a mounted root, to the parent of the directory it covers.
        public static Inode? ParentOf(Inode inode)
        {
            foreach (Mount? m in s_mounts)
                if (m is not null && m.Root == inode) return ParentOf(m.Point);
            return inode.Parent;
        }

        // The inode `path` names, relative to `cwd` unless absolute.
        public static Errno Lookup(string path, Inode cwd, bool followLast, out Inode? result)
        {
            int links = 0;
            Errno e = Walk(path, cwd, followLast, false, ref links, out result, out _, out string last, out _);
            Drop(last);
            return e;
        }

        // The path of what `path` names with every symlink resolved (a new string,
        // as /proc/self/exe shows it), or null if it cannot be looked up.
        public static string? CanonicalPath(string path, Inode cwd)
        {
            int links = 0;
            Errno e = Walk(path, cwd, true, false, ref links, out Inode? result, out Inode? parent, out string last, out _);
            if (e != 0 || parent is null)
            {
                Drop(last);
                return null;
            }
            string directory = Syscalls.Getcwd.PathOf(parent);
            string canonical = (object)last == "." ? new string(directory.AsSpan())
                : string.Concat(directory == "/" ? "" : directory, "/", last);
            Memory.KernelObjects.Free(directory);
            Drop(last);
            return canonical;
        }

        // The path of any inode from the process's root (a new string), or null
        // when no directory names it (an unlinked file, a pipe). A file's name is
        // searched for through the tree (/proc left out); a directory's is found
        // through its parents.
        public static string? PathOf(Inode inode)
        {
            if (inode.IsDirectory)
            {
                // A removed directory someone is still in: where it was, as Linux shows it.
                if (inode.Nlink == 0) return inode.DeletedPath is null ? null : string.Concat(inode.DeletedPath, " (deleted)");
                return Syscalls.Getcwd.PathOf(inode);
            }
            return Search(Process.UserProcess.Current?.Root ?? Root!, inode, "", 0);
        }

        private static string? Search(Inode directory, Inode target, string prefix, int depth)
        {
            if (depth > 32 || directory.Dev == Procfs.ProcRoot.Device) return null;
            for (int i = 0; directory.Entry(i, out string name, out Inode? entry); i++)
            {
                if (entry is null) continue;
                Inode seen = Covering(entry);
                if (seen != target && !seen.IsDirectory) continue;
                string path = string.Concat(prefix, "/", name);
                if (seen == target) return path;
                string? found = Search(seen, target, path, depth + 1);
                Memory.KernelObjects.Free(path);
                if (found is not null) return found;
            }
            return null;
        }

        // Component names are strings made during the walk (never the caller's
        // path itself): each is freed once passed, and a name LookupParent
        // returned is freed with Drop unless a directory keeps it. "." is a literal the walk
        // returns for a path that ends at a directory ("" is never freed).
        public static void Drop(string name)
        {
            if ((object)name != ".") Memory.KernelObjects.Free(name);
        }

        // The directory that would hold `path`'s last component, and that name
        // (whether or not that component exists). The last component is never
        // followed, a trailing slash or not: what it must be is the caller's
        // to say (mkdir("link/") is EEXIST, rmdir("link/") ENOTDIR).
        public static Errno LookupParent(string path, Inode cwd, out Inode? parent, out string name)
        {
            int links = 0;
            Errno e = Walk(path, cwd, false, true, ref links, out _, out parent, out name, out bool missingLast);
            return e == Errno.ENOENT && missingLast ? 0 : e;
        }

        // missingLast: the ENOENT returned was for the last component only.
        // parentOnly: LookupParent's walk (the last component as it is).
        private static Errno Walk(string path, Inode cwd, bool followLast, bool parentOnly, ref int links, out Inode? result, out Inode? parent,
            out string lastName, out bool missingLast)
        {
            missingLast = false;
            result = null;
            parent = null;
            lastName = "";
            if (path.Length == 0) return Errno.ENOENT;
            // The caller's path is limited; what symlinks make of it is not.
            if (path.Length >= PathMax && links == 0) return Errno.ENAMETOOLONG;
            Inode processRoot = Process.UserProcess.Current?.Root ?? Root!;
            Inode current = path[0] == '/' ? processRoot : cwd;
            int pos = 0;
            bool trailingSlash = path[path.Length - 1] == '/';
            while (true)
            {
                while (pos < path.Length && path[pos] == '/') pos++;
                if (pos >= path.Length)
                {
                    result = current;
                    parent = ParentOf(current);
                    Drop(lastName);
                    lastName = ".";
                    return 0;
                }
                int end = pos;
                while (end < path.Length && path[end] != '/') end++;
                string name = path.Substring(pos, end - pos);
                // Never the caller's path itself: the name may be kept (a new
                // directory entry) after the caller frees its path.
                if ((object)name == path) name = new string(path.AsSpan());
                Drop(lastName);
                lastName = name;
                if (name.Length > NameMax) return Errno.ENAMETOOLONG;
                int next = end;
                while (next < path.Length && path[next] == '/') next++;
                bool last = next >= path.Length;
                if (!current.IsDirectory) return Errno.ENOTDIR;
                // Looking up a name needs search permission on its directory.
                Errno denied = Permissions.Check(current, Permissions.MAY_EXEC);
                if (denied != 0) return denied;
                parent = current;
                Inode? child = name == "." ? current : name == ".." ? (current == processRoot ? current : ParentOf(current)) : current.Lookup(name);
                if (child is not null) child = Covering(child);
                if (child is null)
                {
                    // The last component may be missing (open with O_CREAT asks for its parent).
                    missingLast = last;
                    return Errno.ENOENT;
                }
                if (child.Type == FileType.Symlink && (!last || (!parentOnly && (followLast || trailingSlash))))
                {
                    if (++links > MaxSymlinks) return Errno.ELOOP;
                    if (child.Jump is Inode jumped)
                    {
                        jumped = Covering(jumped);
                        if (!last)
                        {
                            current = jumped;
                            pos = next;
                            continue;
                        }
                        if (trailingSlash && !jumped.IsDirectory) return Errno.ENOTDIR;
                        result = jumped;
                        return 0;
                    }
                    string target = child.LinkTarget!;
                    string rest = last ? (trailingSlash ? "/" : "") : path.Substring(end);
                    string joined = string.Concat(target, rest);
                    Drop(lastName);
                    if (!last) Memory.KernelObjects.Free(rest);
                    Errno e = Walk(joined, current, followLast, parentOnly, ref links, out result, out parent, out lastName, out missingLast);
                    if (joined.Length > 0) Memory.KernelObjects.Free(joined);
                    return e;
                }
                if (last)
                {
                    if (trailingSlash && !child.IsDirectory && !parentOnly) return Errno.ENOTDIR;
                    result = child;
                    return 0;
                }
                current = child;
                pos = next;
            }
        }
    }
}
