using System;

// Host stand-ins for Fs types the compiled sources name but the tests do not
// exercise: each real one reaches further into the kernel (the Abi generator,
// the terminal, /proc).
namespace Kerla.Kernel.Fs
{
    // Host stand-in for EventPoll (epoll(7)): no epoll instance exists, so a
    // closing file leaves no interest list.
    public static class EventPoll
    {
        public static void Forget(OpenFile file) { }
    }

    // Host stand-in for the serial console inode FileTable.WithConsole opens.
    public sealed class ConsoleInode : Inode
    {
        public static readonly ConsoleInode Instance = new ConsoleInode();

        private ConsoleInode() : base(FileType.CharDevice, 0x1b0, 0, 5) { }

        public override long Size => 0;
    }
}

namespace Kerla.Kernel.Fs.Procfs
{
    // Host stand-in for /proc's root: only its device number (the value of
    // ProcRoot.Device in src/Kerla.Kernel/Fs/Procfs/ProcRoot.cs), which
    // Vfs.PathOf skips.
    public static class ProcRoot
    {
        public const ulong Device = 0x16;
    }
}
