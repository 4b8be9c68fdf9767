namespace Kerla.Kernel.Abi
{
    // The kernel's struct sigaction for rt_sigaction(2) on x86_64: handler, flags,
    // restorer, then the 64-bit mask (asm-generic/signal.h with SA_RESTORER).
    [LinuxStruct("sigaction", "asm-generic/signal.h", Prelude = "#define SA_RESTORER 0x04000000")]
    [Field("sa_handler", "void *")]
    [Field("sa_flags", "unsigned long")]
    [Field("sa_restorer", "void *")]
    [Field("sa_mask", "unsigned long")]
    public readonly ref partial struct KernelSigaction { }

    // The siginfo fields the kernel fills; the rest of the 128 bytes is a union.
    [LinuxStruct("siginfo", "asm/siginfo.h", Size = 128)]
    [Field("si_signo", "int")]
    [Field("si_errno", "int")]
    [Field("si_code", "int")]
    [Field("si_pid", "int", Offset = 16)]
    [Field("si_uid", "unsigned int", Offset = 20)]
    [Field("si_status", "int", Offset = 24)]
    [Field("si_addr", "void *", Offset = 16)]
    public readonly ref partial struct Siginfo { }

    // sigaltstack(2).
    [LinuxStruct("sigaltstack", "asm/signal.h")]
    [Field("ss_sp", "void *")]
    [Field("ss_flags", "int")]
    [Field("ss_size", "size_t")]
    public readonly ref partial struct StackT { }
}
