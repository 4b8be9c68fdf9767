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

namespace Kerla.Kernel.Abi
{
    // x86_64's saved registers in a signal frame (asm/sigcontext.h).
    [LinuxStruct("sigcontext", "asm/sigcontext.h")]
    [Field("r8", "__u64")]
    [Field("r9", "__u64")]
    [Field("r10", "__u64")]
    [Field("r11", "__u64")]
    [Field("r12", "__u64")]
    [Field("r13", "__u64")]
    [Field("r14", "__u64")]
    [Field("r15", "__u64")]
    [Field("rdi", "__u64")]
    [Field("rsi", "__u64")]
    [Field("rbp", "__u64")]
    [Field("rbx", "__u64")]
    [Field("rdx", "__u64")]
    [Field("rax", "__u64")]
    [Field("rcx", "__u64")]
    [Field("rsp", "__u64")]
    [Field("rip", "__u64")]
    [Field("eflags", "__u64")]
    [Field("cs", "__u16")]
    [Field("gs", "__u16")]
    [Field("fs", "__u16")]
    [Field("ss", "__u16")]
    [Field("err", "__u64")]
    [Field("trapno", "__u64")]
    [Field("oldmask", "__u64")]
    [Field("cr2", "__u64")]
    [Field("fpstate", "__u64")]
    [Field("reserved1", "__u64[8]")]
    public readonly ref partial struct Sigcontext { }

    // The ucontext a handler's third argument points to (asm-generic/ucontext.h).
    [LinuxStruct("ucontext", "asm/ucontext.h", Prelude = "#include <asm/signal.h>\n#include <asm/sigcontext.h>")]
    [Field("uc_flags", "unsigned long")]
    [Field("uc_link", "void *")]
    [Field("uc_stack", "struct sigaltstack")]
    [Field("uc_mcontext", "struct sigcontext")]
    [Field("uc_sigmask", "unsigned long")]
    public readonly ref partial struct Ucontext { }
}
