using System;
using Kerla.Kernel.Syscalls;
using static Kerla.Kernel.SelfTest.SelfTests;

namespace Kerla.Kernel.SelfTest
{
    // The generated dispatch table, called as the syscall entry will call it: a
    // number and six registers in, rax out. User memory is a page mapped for the
    // test, since there are no processes yet.
    internal static class SyscallTests
    {
        private const ulong Page = 0x10000000;
        private const ulong Unmapped = 0x20000000;

        internal static Test[] All() => new Test[]
        {
            new Test("syscalls: write to the console", WriteToConsole),
            new Test("syscalls: bad pointers and descriptors", BadArguments),
            new Test("syscalls: uname and getpid", UnameAndGetpid),
            new Test("syscalls: unknown numbers are ENOSYS", Unknown),
            new Test("abi: generated struct accessors", StructAccessors),
        };

        private static bool s_mapped;

        private static void MapPage()
        {
            if (!s_mapped) Check(s_mapped = KernelHost.Platform.MapUserPage(Page), "a user page for the test");
        }

        private static long Call(SyscallNumber number, ulong a0 = 0, ulong a1 = 0, ulong a2 = 0) =>
            SyscallTable.Dispatch((long)number, new SyscallArgs(a0, a1, a2));

        private static void WriteToConsole()
        {
            MapPage();
            ReadOnlySpan<byte> text = "selftest: hello from write(2)\n"u8;
            Check(KernelHost.Platform.CopyToUser(Page, text), "copy to the user page");
            Equal(text.Length, Call(SyscallNumber.Write, 1, Page, (ulong)text.Length), "write(1, buf, n) returns n");
            Equal(0, Call(SyscallNumber.Write, 2, Page, 0), "write of nothing returns 0");
        }

        private static void BadArguments()
        {
            MapPage();
            Equal(-(long)Errno.EFAULT, Call(SyscallNumber.Write, 1, Unmapped, 4), "write from an unmapped page");
            Equal(-(long)Errno.EFAULT, Call(SyscallNumber.Write, 1, 0xffffffff80000000, 4), "write from a kernel address");
            Equal(-(long)Errno.EFAULT, Call(SyscallNumber.Write, 1, 0, 1), "write from NULL");
            Equal(-(long)Errno.EBADF, Call(SyscallNumber.Write, 7, Page, 1), "write to a descriptor that is not open");
            Equal(-(long)Errno.EFAULT, Call(SyscallNumber.Uname, Unmapped), "uname into an unmapped page");
            // The last bytes of the mapped page, then the unmapped one: a short write.
            Check(KernelHost.Platform.CopyToUser(Page + 4096 - 8, "partial\n"u8), "copy to the end of the page");
            Equal(8, Call(SyscallNumber.Write, 1, Page + 4096 - 8, 16), "write across the end of the mapping stops there");
        }

        private static void UnameAndGetpid()
        {
            MapPage();
            Equal(0, Call(SyscallNumber.Uname, Page), "uname returns 0");
            Span<byte> uts = stackalloc byte[Abi.NewUtsname.Size];
            Check(KernelHost.Platform.CopyFromUser(Page, uts), "read struct utsname back");
            Equal("Linux", Field(uts, 0), "utsname.sysname");
            Equal(Uname.Release, Field(uts, 2), "utsname.release");
            Equal("x86_64", Field(uts, 4), "utsname.machine");
            Equal(KernelHost.CurrentPid, Call(SyscallNumber.Getpid), "getpid");
        }

        private static string Field(ReadOnlySpan<byte> uts, int index)
        {
            ReadOnlySpan<byte> field = uts.Slice(index * 65, 65);
            int end = field.IndexOf((byte)0);
            Span<char> chars = stackalloc char[end];
            for (int i = 0; i < end; i++) chars[i] = (char)field[i];
            return new string(chars);
        }

        private static void StructAccessors()
        {
            Span<byte> bytes = stackalloc byte[Abi.Statx.Size];
            bytes.Clear();
            var statx = new Abi.Statx(bytes);
            statx.stx_mode = 0x81a4;
            statx.stx_size = 0x123456789;
            Abi.StatxTimestamp mtime = statx.stx_mtime;
            mtime.tv_sec = -5;
            mtime.tv_nsec = 999999999;
            Equal(0x81a4, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(Abi.Statx.Layout.stx_mode)), "stx_mode in the bytes");
            Equal(0x123456789, (long)statx.stx_size, "stx_size read back");
            Equal(-5, statx.stx_mtime.tv_sec, "nested statx_timestamp field");
            Equal(999999999, statx.stx_mtime.tv_nsec, "nested field next to it");
            Equal(0, statx.stx_atime.tv_sec, "the neighbouring timestamp untouched");
            Equal(256, Abi.Statx.Size, "sizeof(struct statx)");
        }

        private static void Unknown()
        {
            Equal(-(long)Errno.ENOSYS, Call(SyscallNumber.Ptrace), "ptrace (not implemented yet)");
            Equal(-(long)Errno.ENOSYS, SyscallTable.Dispatch(600, default), "a number past the table");
            Equal(-(long)Errno.ENOSYS, SyscallTable.Dispatch(-1, default), "a negative number");
            Check(!SyscallTable.IsImplemented((int)SyscallNumber.Ptrace), "ptrace is not in the table");
            Equal("rt_sigaction", SyscallNames.Of((int)SyscallNumber.RtSigaction), "the Linux name of syscall 13");
            Equal("ENOENT", ErrnoInfo.Name(Errno.ENOENT), "errno name");
            Equal("No such file or directory", ErrnoInfo.Message(Errno.ENOENT), "errno message");
            Equal("EAGAIN", ErrnoInfo.Name(Errno.EWOULDBLOCK), "an alias names its original");
        }
    }
}
