using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mknodat(2): a regular file, a FIFO, a socket node, or (for root, who has
    // CAP_MKNOD) a character or block device node; permissions masked by the umask.
    public static class Mknodat
    {
        [Syscall(SyscallNumber.Mknodat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, uint mode, uint dev)
        {
            // The type is checked before the path, as Linux does (may_mknod).
            var type = (FileType)(mode & 0xf000);
            if (type == 0) type = FileType.Regular;
            if (type == FileType.Directory) return Errno.EPERM;
            if (type != FileType.Regular && type != FileType.CharDevice && type != FileType.BlockDevice && type != FileType.Fifo && type != FileType.Socket)
                return Errno.EINVAL;
            Errno e = FileHelpers.NewEntry(dirfd, pathname, directory: false, out Inode? parent, out string name);
            if (e != 0) return e;
            e = Make(parent!, name, type, mode, dev);
            if (e != 0) Vfs.Drop(name); // the directory keeps the name only when it made the entry
            return e;
        }

        private static Errno Make(Inode parent, string name, FileType type, uint mode, uint dev)
        {
            UserProcess? process = UserProcess.Current;
            uint permissions = mode & ~(process?.Umask ?? 0x12) & 0xfff, uid = process?.Credentials.Euid ?? 0, gid = process?.Credentials.Egid ?? 0;
            if (type == FileType.Regular) return parent.Create(name, type, permissions, uid, gid, out _);
            if ((type == FileType.CharDevice || type == FileType.BlockDevice) && uid != 0) return Errno.EPERM;
            if (parent is Fs.Tmpfs.TmpfsDirectory directory) gid = directory.GroupForNew(gid);
            // The kernel's dev_t: major in bits 8-19, minor in bits 0-7 and 20-31.
            Inode node = type == FileType.Fifo ? new Fifo(permissions, uid, gid)
                : new SpecialFile(type, (dev >> 8) & 0xfff, (dev & 0xff) | ((dev >> 12) & 0xfff00), permissions, uid, gid);
            Errno e = parent.Link(name, node);
            if (e != 0) node.Evict(); // never named: nothing else has it
            return e;
        }
    }
}
