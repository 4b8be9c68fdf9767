namespace Kerla.Kernel.Syscalls
{
    // getresuid(2): real, effective and saved user IDs.
    public static class Getresuid
    {
        [Syscall(SyscallNumber.Getresuid)]
        public static SyscallResult Handle(UserPtr<byte> ruid, UserPtr<byte> euid, UserPtr<byte> suid) =>
            CredentialHelpers.Put(ruid, CredentialHelpers.Current.Uid) && CredentialHelpers.Put(euid, CredentialHelpers.Current.Euid) && CredentialHelpers.Put(suid, CredentialHelpers.Current.Suid) ? 0 : Errno.EFAULT;
    }
}
