namespace Kerla.Kernel.Syscalls
{
    // getresgid(2): real, effective and saved group IDs.
    public static class Getresgid
    {
        [Syscall(SyscallNumber.Getresgid)]
        public static SyscallResult Handle(UserPtr<byte> rgid, UserPtr<byte> egid, UserPtr<byte> sgid) =>
            Credentials.Put(rgid, Credentials.Current.Gid) && Credentials.Put(egid, Credentials.Current.Egid) && Credentials.Put(sgid, Credentials.Current.Sgid) ? 0 : Errno.EFAULT;
    }
}
