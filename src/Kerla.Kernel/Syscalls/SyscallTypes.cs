namespace Kerla.Kernel.Syscalls
{
    // The six argument registers of a syscall (rdi, rsi, rdx, r10, r8, r9).
    public readonly struct SyscallArgs
    {
        public SyscallArgs(ulong arg0 = 0, ulong arg1 = 0, ulong arg2 = 0, ulong arg3 = 0, ulong arg4 = 0, ulong arg5 = 0)
        {
            Arg0 = arg0; Arg1 = arg1; Arg2 = arg2; Arg3 = arg3; Arg4 = arg4; Arg5 = arg5;
        }

        public ulong Arg0 { get; }
        public ulong Arg1 { get; }
        public ulong Arg2 { get; }
        public ulong Arg3 { get; }
        public ulong Arg4 { get; }
        public ulong Arg5 { get; }

        public ulong this[int index] => index switch
        {
            0 => Arg0, 1 => Arg1, 2 => Arg2, 3 => Arg3, 4 => Arg4, _ => Arg5,
        };
    }

    // What a syscall returns: a value, or an error that user space sees as -errno
    // (and libc as -1 with errno set).
    public readonly struct SyscallResult
    {
        private SyscallResult(long raw) { Raw = raw; }

        // The value of rax on return: the result, or -errno.
        public long Raw { get; }

        public bool IsError => Raw < 0 && Raw >= -4095;
        public Errno Error => IsError ? (Errno)(-Raw) : 0;

        public static SyscallResult Ok(long value) => new SyscallResult(value);
        public static SyscallResult Fail(Errno errno) => new SyscallResult(-(long)errno);

        public static implicit operator SyscallResult(long value) => new SyscallResult(value);
        public static implicit operator SyscallResult(Errno errno) => Fail(errno);
    }

    // A file descriptor as a syscall receives it.
    public readonly struct Fd
    {
        public Fd(int number) { Number = number; }
        public int Number { get; }
        public override string ToString() => Number.ToString();
    }

    // A pointer into user space: only an address. Reading or writing through it
    // goes through the platform's user-copy layer, which turns a bad address into
    // EFAULT instead of a kernel fault.
    public readonly struct UserPtr<T> where T : unmanaged
    {
        public UserPtr(ulong address) { Address = address; }
        public ulong Address { get; }
        public bool IsNull => Address == 0;
    }
}
