using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mount(2) of a new proc, tmpfs, devtmpfs or devpts filesystem on a directory, as an init
    // script written for Linux does it. Other filesystem types are ENODEV;
    // bind, move and remount are not supported yet (EINVAL).
    public static class Mount
    {
        private const ulong MS_REMOUNT = 0x20, MS_BIND = 0x1000, MS_MOVE = 0x2000;
        // Propagation changes (MS_SHARED and the like) name no filesystem type.
        private const ulong Propagation = 0x100000 | 0x40000 | 0x80000 | 0x20000;

        [Syscall(SyscallNumber.Mount)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> source, [TraceString] UserPtr<byte> target,
            [TraceString] UserPtr<byte> filesystemtype, ulong mountflags, UserPtr<byte> data)
        {
            UserProcess caller = UserProcess.Current!;
            if (!caller.Credentials.IsPrivileged) return Errno.EPERM;
            if ((mountflags & (MS_REMOUNT | MS_BIND | MS_MOVE | Propagation)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.ReadPath(target, out string targetPath);
            if (e != 0) return e;
            e = FileHelpers.ReadPath(filesystemtype, out string type);
            if (e != 0) return e;
            string device = "none";
            if (!source.IsNull)
            {
                e = FileHelpers.ReadPath(source, out device);
                if (e != 0) return e;
            }
            e = Vfs.Lookup(targetPath, caller.Cwd, true, out Inode? point);
            if (e != 0) return e;
            if (!point!.IsDirectory) return Errno.ENOTDIR;
            Inode root;
            if (type == "proc") root = new Fs.Procfs.ProcRoot();
            else if (type == "tmpfs") root = new Fs.Tmpfs.TmpfsDirectory(null, 0x3ff, 0, 0); // mode 1777
            else if (type == "devtmpfs") root = Devices.NewDevtmpfs();
            else if (type == "devpts") root = Devices.NewDevpts();
            else return Errno.ENODEV;
            return Vfs.AddMount(point, root, device, type, Getcwd.PathOf(point));
        }
    }
}
