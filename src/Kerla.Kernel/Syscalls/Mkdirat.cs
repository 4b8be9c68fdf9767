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
            Errno e = FileHelpers.NewEntry(dirfd, pathname, directory: true, out Inode? parent, out string name);
            if (e != 0) return e;
            UserProcess? process = UserProcess.Current;
            e = parent!.Create(name, FileType.Directory, mode & ~(process?.Umask ?? 0x12) & 0xfff,
                process?.Credentials.Euid ?? 0, process?.Credentials.Egid ?? 0, out _);
            if (e != 0) Vfs.Drop(name); // the directory keeps the name only when it made the entry
            return e;
        }
    }
}
