namespace Kerla.Kernel.Syscalls
{
    // getgid(2): the real group ID.
    public static class Getgid
    {
        [Syscall(SyscallNumber.Getgid)]
        public static SyscallResult Handle() => CredentialHelpers.Current.Gid;
    }
}
