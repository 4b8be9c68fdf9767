using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // set_robust_list(2): where the thread's robust futex list is, for the exit path.
    public static class SetRobustList
    {
        private const ulong HeadSize = 24; // sizeof(struct robust_list_head)

        [Syscall(SyscallNumber.SetRobustList)]
        public static SyscallResult Handle(UserPtr<byte> head, nuint length)
        {
            if (length != HeadSize) return Errno.EINVAL;
            UserProcess.Current!.RobustListHead = head.Address;
            return 0;
        }
    }
}
