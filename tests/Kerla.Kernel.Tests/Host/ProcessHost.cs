using System;

// Host stand-ins for the kernel's process types (src/Kerla.Kernel/Process/*):
// the real ones pull in the scheduler, signals and address spaces. Only the
// members the compiled Fs sources read are here.
namespace Kerla.Kernel.Process
{
    // Host stand-in for UserProcess: the calling process is null (the kernel's
    // own work, as root) unless a test sets one to act as some user.
    public sealed class UserProcess
    {
        public static UserProcess? Current { get; set; }

        public Credentials Credentials { get; set; } = new Credentials();
        public Fs.FileTable Files { get; set; } = new Fs.FileTable();
        public Fs.Inode Cwd { get; set; } = Fs.Vfs.Root!;
        public Fs.Inode Root { get; set; } = Fs.Vfs.Root!;
    }

    // Host stand-in for Credentials (in UserProcess.cs): the IDs permission checks read.
    public sealed class Credentials
    {
        public uint Uid, Euid, Gid, Egid;
        public uint[] Groups = new uint[0];
    }

    // Host stand-in for WaitQueue (the real one blocks through the scheduler):
    // nothing waits in a host test, so a wake-up has nobody to wake.
    public sealed class WaitQueue
    {
        public void Wait() => throw new NotSupportedException("a host test would block");
        public void WakeAll() { }
        public void Release() { }
    }

    // Host stand-in for TaskContext (in Scheduler.cs), which Platform's signatures name.
    public abstract class TaskContext { }
}
