using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // flock(2): advisory whole-file locks, shared (LOCK_SH) or exclusive
    // (LOCK_EX), held by the open file description; LOCK_NB fails with
    // EWOULDBLOCK instead of waiting, and a signal ends the wait.
    public static class Flock
    {
        private const int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;

        [Syscall(SyscallNumber.Flock)]
        public static SyscallResult Handle(Fd fd, int operation)
        {
            OpenFile? file = FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            int kind = operation & ~LOCK_NB;
            if (kind != LOCK_SH && kind != LOCK_EX && kind != LOCK_UN) return Errno.EINVAL;
            FileLocks locks = file.Inode.Locks ??= new FileLocks();
            if (kind == LOCK_UN)
            {
                locks.Release(file);
                return 0;
            }
            bool exclusive = kind == LOCK_EX;
            while (locks.Conflicts(file, exclusive))
            {
                if ((operation & LOCK_NB) != 0) return Errno.EWOULDBLOCK;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                locks.Waiters.Wait();
            }
            locks.Take(file, exclusive);
            return 0;
        }
    }
}
