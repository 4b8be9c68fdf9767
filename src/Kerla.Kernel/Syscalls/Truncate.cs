using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // truncate(2): sets a file's size, given its path (zeros when it grows).
    public static class Truncate
    {
        [Syscall(SyscallNumber.Truncate)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> path, long length)
        {
            Errno e = FileHelpers.InodeAt(FileHelpers.AT_FDCWD, path, 0, out Inode? inode);
            if (e != 0) return e;
            if (inode!.IsDirectory) return Errno.EISDIR;
            if (length < 0 || inode.Type != FileType.Regular) return Errno.EINVAL;
            e = Permissions.Check(inode, Permissions.MAY_WRITE);
            if (e != 0) return e;
            return inode.Truncate(length);
        }
    }
}
