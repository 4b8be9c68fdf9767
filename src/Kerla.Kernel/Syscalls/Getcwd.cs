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
            string path = PathOf(UserProcess.Current?.Cwd ?? Vfs.Root!);
            if ((ulong)path.Length + 1 > size) return Errno.ERANGE;
            Span<byte> bytes = stackalloc byte[path.Length + 1];
            for (int i = 0; i < path.Length; i++) bytes[i] = (byte)path[i];
            bytes[path.Length] = 0;
            return UserMemory.Write(buf, bytes) ? path.Length + 1 : Errno.EFAULT;
        }

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
            return path.Length == 0 ? "/" : path;
        }
    }
}
