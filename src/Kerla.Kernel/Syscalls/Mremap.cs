using System;
using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // mremap(2): shrinks a mapping, grows it in place when the pages after it
    // are free, or (MREMAP_MAYMOVE) moves it, to new_address with MREMAP_FIXED.
    // A move copies the contents into fresh pages. MREMAP_DONTUNMAP is EINVAL:
    // not supported yet.
    public static class Mremap
    {
        private const int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;

        [Syscall(SyscallNumber.Mremap)]
        public static SyscallResult Handle(UserPtr<byte> oldAddress, nuint oldSize, nuint newSize, int flags, UserPtr<byte> newAddress)
        {
            ulong old = oldAddress.Address, oldLength = AddressSpace.PageUp(oldSize), newLength = AddressSpace.PageUp(newSize);
            if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) != 0 || (flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) == MREMAP_FIXED)
                return Errno.EINVAL;
            if ((old & (AddressSpace.PageSize - 1)) != 0 || oldLength == 0 || newLength == 0) return Errno.EINVAL;
            if (old >= AddressSpace.UserEnd || oldLength > AddressSpace.UserEnd - old || newLength >= AddressSpace.UserEnd) return Errno.EFAULT;
            AddressSpace space = UserProcess.Current!.Memory;
            var pages = UserProcess.CurrentPageTables.Instance;
            int index = space.Find(old);
            if (index < 0 || old + oldLength > space[index].End) return Errno.EFAULT; // one mapping, wholly
            Vma vma = space[index];

            if ((flags & MREMAP_FIXED) != 0)
            {
                ulong target = newAddress.Address;
                if ((target & (AddressSpace.PageSize - 1)) != 0 || target >= AddressSpace.UserEnd || newLength > AddressSpace.UserEnd - target)
                    return Errno.EINVAL;
                if (target < old + oldLength && old < target + newLength) return Errno.EINVAL; // overlapping
                space.Remove(target, target + newLength, pages);
                return Move(space, vma, old, oldLength, target, newLength);
            }
            if (newLength <= oldLength)
            {
                if (newLength < oldLength) space.Remove(old + newLength, old + oldLength, pages);
                return (long)old;
            }
            bool free = newLength <= AddressSpace.UserEnd - old;
            for (ulong a = old + oldLength; free && a < old + newLength; a += AddressSpace.PageSize)
                if (space.Find(a) >= 0) free = false;
            if (free && space.Add(old + oldLength, old + newLength, vma.Protection, vma.Name)) return (long)old;
            if ((flags & MREMAP_MAYMOVE) == 0) return Errno.ENOMEM;
            ulong destination = space.FindFree(newLength);
            return destination == 0 ? Errno.ENOMEM : Move(space, vma, old, oldLength, destination, newLength);
        }

        // Maps [target, +newLength) like `vma`, copies what fits, unmaps the old range.
        private static SyscallResult Move(AddressSpace space, Vma vma, ulong old, ulong oldLength, ulong target, ulong newLength)
        {
            var pages = UserProcess.CurrentPageTables.Instance;
            // Readable and writable while copying, whatever the mapping allows.
            if (!space.Add(target, target + newLength, Protection.Read | Protection.Write, vma.Name)) return Errno.ENOMEM;
            space.Protect(old, old + oldLength, Protection.Read | Protection.Write, pages);
            byte[] page = new byte[AddressSpace.PageSize];
            ulong length = Math.Min(oldLength, newLength);
            bool copied = true;
            for (ulong offset = 0; copied && offset < length; offset += AddressSpace.PageSize)
                copied = UserMemory.Read(new UserPtr<byte>(old + offset), page) && UserMemory.Write(new UserPtr<byte>(target + offset), page);
            Runtime.ObjectAllocator.Free(page);
            space.Protect(target, target + newLength, vma.Protection, pages);
            if (!copied)
            {
                space.Remove(target, target + newLength, pages);
                space.Protect(old, old + oldLength, vma.Protection, pages);
                return Errno.EFAULT;
            }
            space.Remove(old, old + oldLength, pages);
            return (long)target;
        }
    }
}
