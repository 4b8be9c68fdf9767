using System;
using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mmap(2), anonymous mappings (private or shared: one process so far, so they
    // behave alike). Pages arrive on first touch. File mappings need file
    // descriptors, which do not exist yet: EBADF, as for any fd that is not open.
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
            if ((flags & MapFlags.MAP_ANONYMOUS) == 0) return Errno.EBADF;
            if ((offset & 4095) != 0) return Errno.EINVAL;
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
            if (!space.Add(start, start + size, prot, "")) return Errno.ENOMEM;
            return (long)start;
        }
    }
}
