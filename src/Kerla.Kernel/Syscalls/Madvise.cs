using Kerla.Kernel.Memory;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // madvise(2): MADV_DONTNEED and MADV_FREE drop the pages (anonymous memory
    // reads back as zeros); the hints Linux may ignore are accepted. Advice that
    // would change behaviour we do not have (DONTFORK, WIPEONFORK, KSM, huge
    // pages, REMOVE) is EINVAL, as on a kernel built without it. Over a hole the
    // mapped parts are still advised, and the result is ENOMEM. Shared anonymous
    // memory keeps its pages: Linux drops only this mapping of them, and the
    // contents come back.
    public static class Madvise
    {
        private const int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3, MADV_DONTNEED = 4,
            MADV_FREE = 8, MADV_DONTDUMP = 16, MADV_DODUMP = 17, MADV_COLD = 20, MADV_PAGEOUT = 21;

        [Syscall(SyscallNumber.Madvise)]
        public static SyscallResult Handle(UserPtr<byte> address, nuint length, int advice)
        {
            ulong start = address.Address;
            bool drop = advice == MADV_DONTNEED || advice == MADV_FREE;
            bool hint = advice is MADV_NORMAL or MADV_RANDOM or MADV_SEQUENTIAL or MADV_WILLNEED or MADV_DONTDUMP or MADV_DODUMP
                or MADV_COLD or MADV_PAGEOUT;
            if ((start & (AddressSpace.PageSize - 1)) != 0 || !(drop || hint)) return Errno.EINVAL;
            ulong end = AddressSpace.PageUp(start + length);
            if (end < start || end > AddressSpace.UserEnd) return Errno.EINVAL;
            if (length == 0) return 0;
            AddressSpace memory = UserProcess.Current!.Memory;
            bool hole = false;
            for (ulong page = start; page < end; page += AddressSpace.PageSize)
            {
                int index = memory.Find(page);
                if (index < 0) hole = true;
                else if (drop && !memory[index].Shared) UserProcess.CurrentPageTables.Instance.Unmap(page);
            }
            return hole ? Errno.ENOMEM : 0;
        }
    }
}
