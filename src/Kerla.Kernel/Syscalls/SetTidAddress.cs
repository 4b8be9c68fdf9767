namespace Kerla.Kernel.Syscalls
{
    // set_tid_address(2): remembers where to clear the thread ID at exit (for
    // futex wake-ups once threads exist) and returns the caller's thread ID.
    public static class SetTidAddress
    {
        public static ulong ClearChildTid { get; private set; }

        [Syscall(SyscallNumber.SetTidAddress)]
        public static SyscallResult Handle(UserPtr<int> tidptr)
        {
            ClearChildTid = tidptr.Address;
            return KernelHost.CurrentPid;
        }
    }
}
