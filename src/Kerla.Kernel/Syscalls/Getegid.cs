namespace Kerla.Kernel.Syscalls
{
    // getegid(2): the effective group ID.
    public static class Getegid
    {
        [Syscall(SyscallNumber.Getegid)]
        public static SyscallResult Handle() => CredentialHelpers.Current.Egid;
    }
}
