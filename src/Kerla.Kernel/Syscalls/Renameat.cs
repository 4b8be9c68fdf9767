namespace Kerla.Kernel.Syscalls
{
    // renameat(2).
    public static class Renameat
    {
        [Syscall(SyscallNumber.Renameat)]
        public static SyscallResult Handle(int olddirfd, [TraceString] UserPtr<byte> oldpath, int newdirfd, [TraceString] UserPtr<byte> newpath) =>
            Renameat2.Handle(olddirfd, oldpath, newdirfd, newpath, 0);
    }
}
