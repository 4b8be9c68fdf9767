namespace Kerla.Kernel.Syscalls
{
    // getuid(2): the real user ID.
    public static class Getuid
    {
        [Syscall(SyscallNumber.Getuid)]
        public static SyscallResult Handle() => CredentialHelpers.Current.Uid;
    }
}
