namespace Kerla.Kernel.Syscalls
{
    // setuid(2): root sets the real, effective and saved IDs; others only go back to the real or saved one.
    public static class Setuid
    {
        [Syscall(SyscallNumber.Setuid)]
        public static SyscallResult Handle(uint uid) => uid == uint.MaxValue ? Errno.EINVAL : CredentialHelpers.Current.SetUid(uid) ? 0 : Errno.EPERM;
    }
}
