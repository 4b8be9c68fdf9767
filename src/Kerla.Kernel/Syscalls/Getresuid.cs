namespace Kerla.Kernel.Syscalls
{
    // getresuid(2): real, effective and saved user IDs.
    public static class Getresuid
    {
        [Syscall(SyscallNumber.Getresuid)]
        public static SyscallResult Handle(UserPtr<byte> ruid, UserPtr<byte> euid, UserPtr<byte> suid) =>
            Credentials.Put(ruid, Credentials.Current.Uid) && Credentials.Put(euid, Credentials.Current.Euid) && Credentials.Put(suid, Credentials.Current.Suid) ? 0 : Errno.EFAULT;
    }
}
