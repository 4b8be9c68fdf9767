using System;

namespace Kerla.Kernel.Syscalls
{
    // uname(2): fills struct new_utsname, six fields of 65 bytes
    // (include/uapi/linux/utsname.h). The release is one glibc accepts.
    public static class Uname
    {
        private const int FieldLength = 65;
        public const string SysName = "Linux";
        public const string Release = "6.1.0-kerla";
        public const string Machine = "x86_64";

        [Syscall(SyscallNumber.Uname)]
        public static SyscallResult Handle(UserPtr<byte> buf)
        {
            Span<byte> uts = stackalloc byte[FieldLength * 6];
            uts.Clear();
            Put(uts, 0, SysName);
            Put(uts, 1, KernelHost.Hostname);
            Put(uts, 2, Release);
            Put(uts, 3, string.Concat("#1 Kerla for .NET ", PackageInfo.Version));
            Put(uts, 4, Machine);
            Put(uts, 5, "(none)");
            return UserMemory.Write(buf, uts) ? 0 : Errno.EFAULT;
        }

        private static void Put(Span<byte> uts, int field, string value)
        {
            Span<byte> slot = uts.Slice(field * FieldLength, FieldLength - 1);
            for (int i = 0; i < value.Length && i < slot.Length; i++) slot[i] = (byte)value[i];
        }
    }
}
