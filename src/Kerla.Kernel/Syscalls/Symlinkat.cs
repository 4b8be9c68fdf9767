using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // symlinkat(2): the target is stored as given, never resolved here.
    public static class Symlinkat
    {
        [Syscall(SyscallNumber.Symlinkat)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> target, int newdirfd, [TraceString] UserPtr<byte> linkpath)
        {
            Errno e = FileHelpers.ReadPath(target, out string targetPath);
            if (e != 0) return e;
            if (targetPath.Length == 0) return Errno.ENOENT;
            e = FileHelpers.NewEntry(newdirfd, linkpath, directory: false, out Inode? parent, out string name);
            UserProcess? process = UserProcess.Current;
            // The symlink keeps the target string, and the directory the name.
            if (e == 0) e = parent!.CreateSymlink(name, targetPath, process?.Credentials.Euid ?? 0, process?.Credentials.Egid ?? 0);
            if (e != 0)
            {
                FileHelpers.FreePath(targetPath);
                Vfs.Drop(name);
            }
            return e;
        }
    }
}
