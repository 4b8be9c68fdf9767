using Kerla.Kernel.Fs;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // memfd_create(2): an anonymous tmpfs file, read-write, named (for
    // /proc/<pid>/fd) "memfd:" and at most 249 bytes more. MFD_CLOEXEC, and
    // MFD_ALLOW_SEALING accepted (no seals can be added: F_ADD_SEALS is EINVAL).
    public static class MemfdCreate
    {
        private const uint MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, NameMax = 249;

        [Syscall(SyscallNumber.MemfdCreate)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> name, uint flags)
        {
            if ((flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.ReadPath(name, out string text);
            if (e != 0) return e == Errno.ENAMETOOLONG ? Errno.EINVAL : e;
            if (text.Length > NameMax)
            {
                FileHelpers.FreePath(text);
                return Errno.EINVAL;
            }
            Credentials? credentials = UserProcess.Current?.Credentials;
            TmpfsFile file = TmpfsFile.Memfd(text, credentials?.Euid ?? 0, credentials?.Egid ?? 0);
            return FileHelpers.Install(new OpenFile(file, OpenFile.O_RDWR), (flags & MFD_CLOEXEC) != 0);
        }
    }
}
