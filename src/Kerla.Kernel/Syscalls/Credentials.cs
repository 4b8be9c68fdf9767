using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // The uid/gid family: getuid(2), getgid(2), setuid(2), setgid(2), getresuid(2).
    public static class Credentials
    {
        private static Process.Credentials Current => UserProcess.Current!.Credentials;

        [Syscall(SyscallNumber.Getuid)]
        public static SyscallResult Getuid() => Current.Uid;

        [Syscall(SyscallNumber.Geteuid)]
        public static SyscallResult Geteuid() => Current.Euid;

        [Syscall(SyscallNumber.Getgid)]
        public static SyscallResult Getgid() => Current.Gid;

        [Syscall(SyscallNumber.Getegid)]
        public static SyscallResult Getegid() => Current.Egid;

        [Syscall(SyscallNumber.Setuid)]
        public static SyscallResult Setuid(uint uid) => uid == uint.MaxValue ? Errno.EINVAL : Current.SetUid(uid) ? 0 : Errno.EPERM;

        [Syscall(SyscallNumber.Setgid)]
        public static SyscallResult Setgid(uint gid) => gid == uint.MaxValue ? Errno.EINVAL : Current.SetGid(gid) ? 0 : Errno.EPERM;

        [Syscall(SyscallNumber.Getresuid)]
        public static SyscallResult Getresuid(UserPtr<byte> ruid, UserPtr<byte> euid, UserPtr<byte> suid) =>
            Put(ruid, Current.Uid) && Put(euid, Current.Euid) && Put(suid, Current.Suid) ? 0 : Errno.EFAULT;

        [Syscall(SyscallNumber.Getresgid)]
        public static SyscallResult Getresgid(UserPtr<byte> rgid, UserPtr<byte> egid, UserPtr<byte> sgid) =>
            Put(rgid, Current.Gid) && Put(egid, Current.Egid) && Put(sgid, Current.Sgid) ? 0 : Errno.EFAULT;

        private static bool Put(UserPtr<byte> pointer, uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            return UserMemory.Write(pointer, bytes);
        }
    }
}
