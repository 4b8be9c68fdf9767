using System;

namespace Kerla.Kernel.Syscalls
{
    // sethostname(2): the node name uname(2) reports; root only, at most 64 bytes.
    public static class Sethostname
    {
        internal const int Max = 64; // __NEW_UTS_LEN

        [Syscall(SyscallNumber.Sethostname)]
        public static SyscallResult Handle(UserPtr<byte> name, int len)
        {
            Errno e = Read(name, len, out string value);
            if (e != 0) return e;
            string old = KernelHost.Hostname;
            KernelHost.Hostname = value;
            if ((object)old != "(none)") Memory.KernelObjects.Free(old);
            return 0;
        }

        // The name argument of sethostname and setdomainname.
        internal static Errno Read(UserPtr<byte> name, int len, out string value)
        {
            value = "";
            if (!Process.UserProcess.Current!.Credentials.IsPrivileged) return Errno.EPERM;
            if (len < 0 || len > Max) return Errno.EINVAL;
            Span<byte> bytes = stackalloc byte[Max];
            if (!UserMemory.Read(name, bytes.Slice(0, len))) return Errno.EFAULT;
            Span<char> chars = stackalloc char[len];
            for (int i = 0; i < len; i++) chars[i] = (char)bytes[i];
            value = new string(chars);
            return 0;
        }
    }
}
