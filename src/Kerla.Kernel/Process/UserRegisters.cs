namespace Kerla.Kernel.Process
{
    // The user-mode registers of a task as it entered the kernel, in the order of
    // x86_64's struct sigcontext (the signal frame saves them in that layout).
    public struct UserRegisters
    {
        public ulong R8, R9, R10, R11, R12, R13, R14, R15, Rdi, Rsi, Rbp, Rbx, Rdx, Rax, Rcx, Rsp, Rip, Rflags;
    }
}
