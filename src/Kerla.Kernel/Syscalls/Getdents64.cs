using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // getdents64(2): struct linux_dirent64 records from the directory's offset
    // ("." is 0, ".." 1, then 2 + the directory's own entry positions), so a
    // later call goes on where this one stopped.
    public static class Getdents64
    {
        [Syscall(SyscallNumber.Getdents64)]
        public static SyscallResult Handle(Fd fd, UserPtr<byte> dirp, uint count)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            Inode directory = file.Inode;
            if (!directory.IsDirectory) return Errno.ENOTDIR;
            Span<byte> record = stackalloc byte[LinuxDirent64.Size + Vfs.NameMax + 1 + 8];
            ulong written = 0;
            while (true)
            {
                long index = file.Offset, next = index + 1;
                string name;
                Inode? inode;
                if (index == 0) { name = "."; inode = directory; }
                else if (index == 1) { name = ".."; inode = Vfs.ParentOf(directory); }
                else if (!directory.EntryAt(index - 2, out name, out inode, out next)) break;
                else next += 2;
                int length = (LinuxDirent64.Layout.d_name + name.Length + 1 + 7) & ~7;
                if (written + (ulong)length > count)
                {
                    if (written == 0) return Errno.EINVAL; // the buffer cannot hold one record
                    break;
                }
                Span<byte> bytes = record.Slice(0, length);
                bytes.Clear();
                var dirent = new LinuxDirent64(bytes);
                dirent.d_ino = inode!.Ino;
                dirent.d_off = next;
                dirent.d_reclen = (ushort)length;
                dirent.d_type = (byte)((uint)inode.Type >> 12); // DT_* is S_IFMT >> 12
                for (int i = 0; i < name.Length; i++) bytes[LinuxDirent64.Layout.d_name + i] = (byte)name[i];
                if (!UserMemory.Write(new UserPtr<byte>(dirp.Address + written), bytes)) return written > 0 ? (long)written : Errno.EFAULT;
                written += (ulong)length;
                file.Offset = next;
            }
            return (long)written;
        }
    }
}
