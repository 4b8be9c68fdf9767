using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // chdir(2).
    public static class Chdir
    {
        [Syscall(SyscallNumber.Chdir)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> path)
        {
            Errno e = FileHelpers.ReadPath(path, out string name);
            if (e != 0) return e;
            e = Vfs.Lookup(name, UserProcess.Current!.Cwd, followLast: true, out Inode? inode);
            FileHelpers.FreePath(name);
            if (e != 0) return e;
            if (!inode!.IsDirectory) return Errno.ENOTDIR;
            e = Permissions.Check(inode, Permissions.MAY_EXEC);
            if (e != 0) return e;
            UserProcess.Current.Cwd = inode;
            return 0;
        }
    }
}
