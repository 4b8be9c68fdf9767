using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // uname(2): fills struct new_utsname (include/uapi/linux/utsname.h). The
    // release is one that C libraries accept.
    public static class Uname
    {
        public const string SysName = "Linux";
        public const string Release = "6.1.0-kerla";
        public const string Machine = "x86_64";

        [Syscall(SyscallNumber.Uname)]
        public static SyscallResult Handle(UserPtr<byte> buf)
        {
            Span<byte> bytes = stackalloc byte[NewUtsname.Size];
            bytes.Clear();
            var uts = new NewUtsname(bytes);
            Put(uts.sysname, SysName);
            Put(uts.nodename, KernelHost.Hostname);
            Put(uts.release, Release);
            Put(uts.version, string.Concat("#1 Kerla for .NET ", PackageInfo.Version));
            Put(uts.machine, Machine);
            Put(uts.domainname, KernelHost.DomainName);
            return UserMemory.Write(buf, bytes) ? 0 : Errno.EFAULT;
        }

        // Truncated to leave the terminating NUL, as the kernel does.
        private static void Put(Span<byte> field, string value)
        {
            for (int i = 0; i < value.Length && i < field.Length - 1; i++) field[i] = (byte)value[i];
        }
    }
}
