using System;
using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mmap(2). Private anonymous mappings get their pages on first touch;
    // shared ones get them all at once, so that a forked child maps the same
    // frames. A private file mapping is filled from the file when it is made;
    // writes stay in the mapping, as with Linux's copy-on-write. A shared
    // mapping of a tmpfs file maps the file's own frames (holes filled), so
    // stores and the file's reads and writes see each other; other files can
    // only be mapped shared read-only, as a copy. Pages past the end of the
    // file read as zeros (Linux raises SIGBUS) and are not the file's.
    public static class Mmap
    {
        [Flags]
        public enum MapFlags
        {
            MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_SHARED_VALIDATE = 0x03, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20,
            MAP_GROWSDOWN = 0x100, MAP_NORESERVE = 0x4000, MAP_POPULATE = 0x8000, MAP_STACK = 0x20000, MAP_FIXED_NOREPLACE = 0x100000,
        }

        [Syscall(SyscallNumber.Mmap)]
        public static SyscallResult Handle(UserPtr<byte> address, nuint length, Protection prot, MapFlags flags, Fd fd, long offset)
        {
            AddressSpace space = UserProcess.Current!.Memory;
            MapFlags type = flags & MapFlags.MAP_SHARED_VALIDATE;
            if (length == 0 || type == 0 || (prot & ~(Protection.Read | Protection.Write | Protection.Exec)) != 0) return Errno.EINVAL;
            if ((offset & 4095) != 0) return Errno.EINVAL;
            Fs.OpenFile? file = null;
            if ((flags & MapFlags.MAP_ANONYMOUS) == 0)
            {
                file = Fs.FileTable.Current.Get(fd.Number);
                if (file is null) return Errno.EBADF;
                if (!file.CanRead) return Errno.EACCES;
                if (type != MapFlags.MAP_PRIVATE && (prot & Protection.Write) != 0 && !file.CanWrite) return Errno.EACCES;
                if (type != MapFlags.MAP_PRIVATE && (prot & Protection.Write) != 0 && file.Inode is not Fs.Tmpfs.TmpfsFile) return Errno.ENODEV;
                if (file.Inode.Type != Fs.FileType.Regular || offset < 0) return file.Inode.Type == Fs.FileType.Regular ? Errno.EINVAL : Errno.ENODEV;
            }
            ulong size = AddressSpace.PageUp(length);
            if (size == 0 || size >= AddressSpace.UserEnd) return Errno.ENOMEM;
            ulong start = address.Address;
            bool fixedAddress = (flags & (MapFlags.MAP_FIXED | MapFlags.MAP_FIXED_NOREPLACE)) != 0;
            if (fixedAddress)
            {
                if ((start & 4095) != 0) return Errno.EINVAL;
                if (start >= AddressSpace.UserEnd || size > AddressSpace.UserEnd - start) return Errno.ENOMEM;
                if ((flags & MapFlags.MAP_FIXED_NOREPLACE) != 0)
                {
                    for (ulong a = start; a < start + size; a += AddressSpace.PageSize)
                        if (space.Find(a) >= 0) return Errno.EEXIST;
                }
                space.Remove(start, start + size, UserProcess.CurrentPageTables.Instance);
            }
            else
            {
                // A hint is used when it is free, as Linux does.
                bool hintFree = start != 0 && (start & 4095) == 0 && start < AddressSpace.UserEnd && size <= AddressSpace.UserEnd - start;
                for (ulong a = start; hintFree && a < start + size; a += AddressSpace.PageSize)
                    if (space.Find(a) >= 0) hintFree = false;
                if (!hintFree) start = space.FindFree(size);
                if (start == 0) return Errno.ENOMEM;
            }
            if (file is null && type != MapFlags.MAP_PRIVATE) return Share(space, start, size, prot) ? (long)start : Errno.ENOMEM;
            if (file is null) return space.Add(start, start + size, prot, "") ? (long)start : Errno.ENOMEM;
            if (type != MapFlags.MAP_PRIVATE && file.Inode is Fs.Tmpfs.TmpfsFile tmpfs)
                return MapFrames(space, start, size, prot, tmpfs, offset, file.CanWrite) ? (long)start : Errno.ENOMEM;
            return Fill(space, start, size, prot, file.Inode, offset) ? (long)start : Errno.ENOMEM;
        }

        // A shared tmpfs file mapping: the file's frames for the pages within its size.
        private static bool MapFrames(AddressSpace space, ulong start, ulong size, Protection prot, Fs.Tmpfs.TmpfsFile file, long offset, bool mayWrite)
        {
            if (!space.Add(start, start + size, prot, "", shared: true, mayWrite)) return false;
            Platform platform = KernelHost.Platform;
            for (ulong done = 0; done < size && offset + (long)done < file.Size; done += AddressSpace.PageSize)
            {
                ulong frame = file.Frame((offset + (long)done) >> 12);
                bool mapped = frame != 0 && platform.MapUserFrame(start + done, frame, (prot & Protection.Write) != 0, (prot & Protection.Exec) != 0);
                if (mapped && prot == Protection.None) platform.ProtectUserPage(start + done, false, false, accessible: false);
                if (!mapped)
                {
                    space.Remove(start, start + size, UserProcess.CurrentPageTables.Instance);
                    return false;
                }
            }
            return true;
        }

        // Shared anonymous memory: every page now, zeroed.
        private static bool Share(AddressSpace space, ulong start, ulong size, Protection prot)
        {
            if (!space.Add(start, start + size, prot, "", shared: true)) return false;
            Platform platform = KernelHost.Platform;
            for (ulong page = start; page < start + size; page += AddressSpace.PageSize)
            {
                bool mapped = platform.MapUserPage(page, (prot & Protection.Write) != 0, (prot & Protection.Exec) != 0);
                if (mapped && prot == Protection.None) platform.ProtectUserPage(page, false, false, accessible: false);
                if (!mapped)
                {
                    space.Remove(start, start + size, UserProcess.CurrentPageTables.Instance);
                    return false;
                }
            }
            return true;
        }

        // A file mapping: writable while the file's bytes are copied in, then as asked.
        private static bool Fill(AddressSpace space, ulong start, ulong size, Protection prot, Fs.Inode inode, long offset)
        {
            UserProcess.CurrentPageTables pages = UserProcess.CurrentPageTables.Instance;
            if (!space.Add(start, start + size, Protection.Read | Protection.Write, "")) return false;
            Span<byte> chunk = stackalloc byte[4096];
            for (ulong done = 0; done < size; done += AddressSpace.PageSize)
            {
                long n = inode.Read(offset + (long)done, chunk);
                if (n <= 0) break;
                if (!KernelHost.Platform.CopyToUser(start + done, chunk.Slice(0, (int)n)))
                {
                    space.Remove(start, start + size, pages);
                    return false;
                }
            }
            space.Protect(start, start + size, prot, pages);
            return true;
        }
    }
}
