namespace Kerla.Kernel.Syscalls
{
    // geteuid(2): the effective user ID.
    public static class Geteuid
    {
        [Syscall(SyscallNumber.Geteuid)]
        public static SyscallResult Handle() => CredentialHelpers.Current.Euid;
    }
}
