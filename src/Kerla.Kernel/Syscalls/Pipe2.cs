using System;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Syscalls
{
    // pipe2(2): fds[0] reads, fds[1] writes; O_CLOEXEC and O_NONBLOCK.
    public static class Pipe2
    {
        [Syscall(SyscallNumber.Pipe2)]
        public static SyscallResult Handle(UserPtr<byte> fds, int flags)
        {
            if ((flags & ~(OpenFile.O_CLOEXEC | OpenFile.O_NONBLOCK)) != 0) return Errno.EINVAL;
            Process.Credentials? credentials = Process.UserProcess.Current?.Credentials;
            var pipe = new Pipe(credentials?.Euid ?? 0, credentials?.Egid ?? 0);
            var reader = new OpenFile(pipe, OpenFile.O_RDONLY | (flags & OpenFile.O_NONBLOCK));
            var writer = new OpenFile(pipe, OpenFile.O_WRONLY | (flags & OpenFile.O_NONBLOCK));
            FileTable table = FileTable.Current;
            bool cloexec = (flags & OpenFile.O_CLOEXEC) != 0;
            int readFd = table.Add(reader, cloexec);
            if (readFd < 0)
            {
                // No descriptor left: both descriptions close unused, and the pipe goes with them.
                reader.AddReference();
                reader.DropReference();
                writer.AddReference();
                writer.DropReference();
                return (Errno)(-readFd);
            }
            int writeFd = table.Add(writer, cloexec);
            if (writeFd < 0)
            {
                table.Close(readFd);
                writer.AddReference();
                writer.DropReference();
                return (Errno)(-writeFd);
            }
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, readFd);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.Slice(4), writeFd);
            if (UserMemory.Write(fds, bytes)) return 0;
            table.Close(readFd);
            table.Close(writeFd);
            return Errno.EFAULT;
        }
    }
}
