using System;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // getcwd(2): the working directory's path, found by walking up through the
    // parents; ERANGE when it does not fit (with its NUL).
    public static class Getcwd
    {
        [Syscall(SyscallNumber.Getcwd)]
        public static SyscallResult Handle(UserPtr<byte> buf, nuint size)
        {
            Inode cwd = UserProcess.Current?.Cwd ?? Vfs.Root!;
            if (cwd.Nlink == 0) return Errno.ENOENT; // removed, as Linux says
            string path = PathOf(cwd);
            int length = path.Length;
            if (length + 1 > Vfs.PathMax)
            {
                Memory.KernelObjects.Free(path);
                return Errno.ENAMETOOLONG;
            }
            Span<byte> bytes = stackalloc byte[Math.Min(length + 1, Vfs.PathMax)];
            for (int i = 0; i < bytes.Length - 1; i++) bytes[i] = (byte)path[i];
            bytes[bytes.Length - 1] = 0;
            Memory.KernelObjects.Free(path);
            if ((ulong)length + 1 > size) return Errno.ERANGE;
            return UserMemory.Write(buf, bytes) ? length + 1 : Errno.EFAULT;
        }

        // A directory's path from the process's root: always a new string (the
        // caller frees it), "/" too.
        public static string PathOf(Inode directory)
        {
            string path = "";
            for (int depth = 0; depth < 256; depth++)
            {
                if (directory == UserProcess.Current?.Root) break;
                Inode? parent = Vfs.ParentOf(directory);
                if (parent is null || parent == directory) break;
                string? name = null;
                for (int i = 0; parent.Entry(i, out string entry, out Inode? inode); i++)
                    if (inode is not null && Vfs.Covering(inode) == directory) { name = entry; break; }
                if (name is null) break; // removed while we were in it
                string longer = string.Concat("/", name, path);
                Memory.KernelObjects.Free(path);
                path = longer;
                directory = parent;
            }
            return path.Length == 0 ? new string('/', 1) : path;
        }
    }
}
