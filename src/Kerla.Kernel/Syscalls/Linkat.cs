using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // linkat(2): a second name for an existing file. Directories cannot have
    // one (EPERM); AT_EMPTY_PATH links the file olddirfd refers to.
    public static class Linkat
    {
        public const int AT_SYMLINK_FOLLOW = 0x400;

        [Syscall(SyscallNumber.Linkat)]
        public static SyscallResult Handle(int olddirfd, [TraceString] UserPtr<byte> oldpath, int newdirfd, [TraceString] UserPtr<byte> newpath, int flags)
        {
            if ((flags & ~(AT_SYMLINK_FOLLOW | FileHelpers.AT_EMPTY_PATH)) != 0) return Errno.EINVAL;
            Errno e = FileHelpers.ReadPath(oldpath, out string path);
            if (e != 0) return e;
            Inode? inode = null;
            if (path.Length > 0)
            {
                e = FileHelpers.StartDirectory(path[0] == '/' ? FileHelpers.AT_FDCWD : olddirfd, out Inode? start);
                if (e == 0) e = Vfs.Lookup(path, start!, (flags & AT_SYMLINK_FOLLOW) != 0, out inode);
                FileHelpers.FreePath(path);
                if (e != 0) return e;
            }
            else
            {
                // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH (root here).
                if ((flags & FileHelpers.AT_EMPTY_PATH) == 0 || Process.UserProcess.Current?.Credentials.IsPrivileged == false) return Errno.ENOENT;
                OpenFile? file = FileTable.Current.Get(olddirfd);
                if (file is null) return Errno.EBADF;
                inode = file.Inode;
            }
            if (inode!.IsDirectory) return Errno.EPERM;
            // An unlinked file, still open, cannot come back; an O_TMPFILE one may.
            if (inode.Nlink == 0 && !(inode is Fs.Tmpfs.TmpfsFile { Linkable: true })) return Errno.ENOENT;

            e = FileHelpers.NewEntry(newdirfd, newpath, directory: false, out Inode? parent, out string name);
            if (e == 0 && parent!.Dev != inode.Dev) e = Errno.EXDEV;
            if (e == 0) e = parent!.Link(name, inode); // the directory keeps the name
            if (e != 0)
            {
                Vfs.Drop(name);
                return e;
            }
            inode.Nlink++;
            inode.Ctime = KernelHost.RealTimeNanoseconds;
            if (inode is Fs.Tmpfs.TmpfsFile tmpfile) tmpfile.Linkable = false;
            return 0;
        }
    }
}
