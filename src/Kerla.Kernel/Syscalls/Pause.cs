using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // pause(2): sleeps until a signal is delivered; returns EINTR after its handler.
    public static class Pause
    {
        [Syscall(SyscallNumber.Pause)]
        public static SyscallResult Handle()
        {
            while (!Signals.Interrupted) Scheduler.Block();
            return Signals.ERESTARTNOHAND;
        }
    }
}
