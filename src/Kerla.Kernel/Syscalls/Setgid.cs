namespace Kerla.Kernel.Syscalls
{
    // setgid(2): as setuid(2), for groups.
    public static class Setgid
    {
        [Syscall(SyscallNumber.Setgid)]
        public static SyscallResult Handle(uint gid) => gid == uint.MaxValue ? Errno.EINVAL : CredentialHelpers.Current.SetGid(gid) ? 0 : Errno.EPERM;
    }
}
