namespace Kerla.Kernel.Syscalls
{
    // ioctl(2). Only terminals take requests so far (Tty.TtyIoctl); any other
    // file answers ENOTTY, as Linux does for a request a device does not know.
    public static class Ioctl
    {
        [Syscall(SyscallNumber.Ioctl)]
        public static SyscallResult Handle(Fd fd, uint request, UserPtr<byte> argument)
        {
            Fs.OpenFile? file = Fs.FileTable.Current.Get(fd.Number);
            if (file is null) return Errno.EBADF;
            if (file.Inode != Fs.ConsoleInode.Instance) return Errno.ENOTTY;
            return Tty.TtyIoctl.Handle(Tty.LineDiscipline.Console, request, argument);
        }
    }
}
