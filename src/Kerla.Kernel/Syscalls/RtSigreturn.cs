using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // rt_sigreturn(2): the end of a signal handler. The restorer calls it with
    // rsp just past the frame's return address; the registers, FPU state, mask
    // and alternate stack the frame saved come back, and rax with them. A frame
    // that cannot be read kills with SIGSEGV, as on Linux.
    public static class RtSigreturn
    {
        [Syscall(SyscallNumber.RtSigreturn)]
        public static SyscallResult Handle()
        {
            UserProcess process = UserProcess.Current!;
            Platform platform = KernelHost.Platform;
            platform.GetUserRegisters(out UserRegisters current);
            if (!SignalFrame.Restore(process, current.Rsp - 8, out UserRegisters registers))
            {
                Log.Warning(string.Concat(process.Name, "[", process.Pid.ToString(), "]: bad frame in rt_sigreturn, killed by SIGSEGV"));
                UserProcess.ExitCurrent(Signals.SIGSEGV);
            }
            platform.SetUserRegisters(registers);
            return (long)registers.Rax;
        }
    }
}
