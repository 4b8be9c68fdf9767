namespace Kerla.Kernel.Syscalls
{
    // set_tid_address(2): remembers where to clear the thread ID at exit (for
    // futex wake-ups once threads exist) and returns the caller's thread ID.
    public static class SetTidAddress
    {
        [Syscall(SyscallNumber.SetTidAddress)]
        public static SyscallResult Handle(UserPtr<int> tidptr)
        {
            if (Process.UserProcess.Current is { } process) process.ClearChildTid = tidptr.Address;
            return KernelHost.CurrentPid;
        }
    }
}
