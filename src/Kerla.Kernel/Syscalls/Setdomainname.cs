namespace Kerla.Kernel.Syscalls
{
    // setdomainname(2): the NIS domain name uname(2) reports; as sethostname.
    public static class Setdomainname
    {
        [Syscall(SyscallNumber.Setdomainname)]
        public static SyscallResult Handle(UserPtr<byte> name, int len)
        {
            Errno e = Sethostname.Read(name, len, out string value);
            if (e != 0) return e;
            string old = KernelHost.DomainName;
            KernelHost.DomainName = value;
            if ((object)old != "(none)") Memory.KernelObjects.Free(old);
            return 0;
        }
    }
}
