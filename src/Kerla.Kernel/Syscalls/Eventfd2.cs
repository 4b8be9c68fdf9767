using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // eventfd2(2): a counter descriptor; EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE.
    public static class Eventfd2
    {
        private const int EFD_SEMAPHORE = 1;

        [Syscall(SyscallNumber.Eventfd2)]
        public static SyscallResult Handle(uint initval, int flags)
        {
            if ((flags & ~(OpenFile.O_CLOEXEC | OpenFile.O_NONBLOCK | EFD_SEMAPHORE)) != 0) return Errno.EINVAL;
            var file = new OpenFile(new EventCounter(initval, (flags & EFD_SEMAPHORE) != 0), OpenFile.O_RDWR | (flags & OpenFile.O_NONBLOCK));
            return FileHelpers.Install(file, (flags & OpenFile.O_CLOEXEC) != 0);
        }
    }
}
