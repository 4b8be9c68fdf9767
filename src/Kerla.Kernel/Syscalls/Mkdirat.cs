using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mkdirat(2): permissions masked by the umask.
    public static class Mkdirat
    {
        [Syscall(SyscallNumber.Mkdirat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, uint mode)
        {
            Errno e = FileHelpers.PathAt(dirfd, pathname, out string path, out Inode? start);
            if (e != 0) return e;
            e = Vfs.LookupParent(path, start!, out Inode? parent, out string name);
            if (e != 0) return e;
            if (parent is null) return Errno.ENOENT;
            if (name == "." || name == ".." || parent.Lookup(name) is not null) return Errno.EEXIST;
            UserProcess? process = UserProcess.Current;
            return parent.Create(name, FileType.Directory, mode & ~(process?.Umask ?? 0x12) & 0xfff,
                process?.Credentials.Euid ?? 0, process?.Credentials.Egid ?? 0, out _);
        }
    }
}
