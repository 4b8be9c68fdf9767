using System;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // readlinkat(2) and readlink(2): a symlink's target, not NUL-terminated,
    // truncated to the buffer. /proc/self/exe is answered until procfs exists.
    public static class Readlinkat
    {
        [Syscall(SyscallNumber.Readlinkat)]
        public static SyscallResult Handle(int dirfd, [TraceString] UserPtr<byte> pathname, UserPtr<byte> buf, int bufsiz)
        {
            if (bufsiz <= 0) return Errno.EINVAL;
            Errno e = FileHelpers.ReadPath(pathname, out string path);
            if (e != 0) return e;
            string target;
            if (path == "/proc/self/exe" && UserProcess.Current is not null)
            {
                target = UserProcess.Current.ExePath;
            }
            else
            {
                e = FileHelpers.StartDirectory(path.Length > 0 && path[0] == '/' ? FileHelpers.AT_FDCWD : dirfd, out Inode? start);
                if (e != 0) return e;
                e = Vfs.Lookup(path, start!, followLast: false, out Inode? inode);
                if (e != 0) return e;
                if (inode!.LinkTarget is null) return Errno.EINVAL;
                target = inode.LinkTarget;
            }
            int length = Math.Min(target.Length, bufsiz);
            Span<byte> bytes = stackalloc byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)target[i];
            return UserMemory.Write(buf, bytes) ? length : Errno.EFAULT;
        }
    }
}
