namespace Kerla.Kernel.Syscalls
{
    // sync(2): every filesystem here is in memory (tmpfs, procfs, devtmpfs), so
    // there is nothing to write back; it always succeeds, as on Linux.
    public static class Sync
    {
        [Syscall(SyscallNumber.Sync)]
        public static SyscallResult Handle() => 0;
    }
}
