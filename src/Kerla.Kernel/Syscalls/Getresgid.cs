namespace Kerla.Kernel.Syscalls
{
    // getresgid(2): real, effective and saved group IDs.
    public static class Getresgid
    {
        [Syscall(SyscallNumber.Getresgid)]
        public static SyscallResult Handle(UserPtr<byte> rgid, UserPtr<byte> egid, UserPtr<byte> sgid) =>
            CredentialHelpers.Put(rgid, CredentialHelpers.Current.Gid) && CredentialHelpers.Put(egid, CredentialHelpers.Current.Egid) && CredentialHelpers.Put(sgid, CredentialHelpers.Current.Sgid) ? 0 : Errno.EFAULT;
    }
}
