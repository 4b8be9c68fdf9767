using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // An open file description (open(2)): the inode, the offset and the status
    // flags, shared by every descriptor dup(2) makes from it.
    public sealed class OpenFile
    {
        public const int O_ACCMODE = 3, O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2;
        public const int O_CREAT = 0x40, O_EXCL = 0x80, O_NOCTTY = 0x100, O_TRUNC = 0x200, O_APPEND = 0x400,
            O_NONBLOCK = 0x800, O_DIRECTORY = 0x10000, O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000, O_PATH = 0x200000,
            O_TMPFILE = 0x400000 | O_DIRECTORY;

        public OpenFile(Inode inode, int flags)
        {
            Inode = inode;
            Flags = flags;
            inode.References++;
        }

        public Inode Inode { get; }
        public int Flags { get; set; }
        public long Offset { get; set; }

        // After a read or write of n bytes: only files have a position that
        // moves (a terminal's, a pipe's or a device's stays at 0, as on Linux).
        public void Advance(long n)
        {
            if (Inode.Type == FileType.Regular) Offset += n;
        }

        // What the inode wants to remember per open (Linux's f_version): a FIFO
        // reader opened without a writer keeps the writer count it saw.
        public uint Version { get; set; }

        // Descriptors (in any process) that refer to this description; the last
        // close tells the inode (a pipe's end closes) and frees the description.
        public int References { get; private set; }

        public void AddReference() => References++;

        public void DropReference()
        {
            if (--References != 0) return;
            Inode.Locks?.Release(this);
            Inode.RecordLocks?.Release(this);
            EventPoll.Forget(this);
            // An O_PATH description never opened the inode (Openat skips Opened).
            if ((Flags & O_PATH) == 0) Inode.Released(this);
            Discard();
        }

        // The description is gone (closed, or never installed): an inode left
        // without names and open files goes too.
        public void Discard()
        {
            Inode inode = Inode;
            Memory.KernelObjects.Free(this);
            inode.Unreference();
        }
        public bool CanRead => (Flags & O_PATH) == 0 && (Flags & O_ACCMODE) != O_WRONLY;
        public bool CanWrite => (Flags & O_PATH) == 0 && (Flags & O_ACCMODE) != O_RDONLY;
    }

    // A process's descriptor table: descriptor -> open file description, with
    // the close-on-exec flag per descriptor.
    public sealed class FileTable
    {
        public const int Max = 1024; // RLIMIT_NOFILE's soft default
        private OpenFile?[] _files = new OpenFile?[16];
        private bool[] _closeOnExec = new bool[16];

        // 0, 1 and 2 on the console, as a process starts.
        public static FileTable WithConsole()
        {
            var table = new FileTable();
            var console = new OpenFile(ConsoleInode.Instance, OpenFile.O_RDWR);
            table.Add(console, false);
            table.Add(console, false);
            table.Add(console, false);
            return table;
        }

        // The calling process's table; the kernel's own (console only) when no
        // process is running (the self tests).
        public static FileTable Current => Process.UserProcess.Current?.Files ?? s_kernel;

        private static readonly FileTable s_kernel = WithConsole();

        // The process is gone: every descriptor is closed and the table's storage freed.
        public void Release()
        {
            CloseAll();
            Memory.KernelObjects.Free(_files);
            Memory.KernelObjects.Free(_closeOnExec);
        }

        // fork(2): the child's descriptors share the parent's open file descriptions.
        public FileTable Clone()
        {
            var copy = new FileTable();
            Memory.KernelObjects.Free(copy._files);
            Memory.KernelObjects.Free(copy._closeOnExec);
            copy._files = new OpenFile?[_files.Length];
            copy._closeOnExec = new bool[_files.Length];
            Array.Copy(_files, copy._files, _files.Length);
            Array.Copy(_closeOnExec, copy._closeOnExec, _files.Length);
            foreach (OpenFile? file in _files) file?.AddReference();
            return copy;
        }

        // exit(2): every descriptor closes.
        public void CloseAll()
        {
            for (int fd = 0; fd < _files.Length; fd++) Close(fd);
        }

        // execve(2) closes the descriptors marked close-on-exec.
        public void CloseOnExecAll()
        {
            for (int fd = 0; fd < _files.Length; fd++)
                if (_closeOnExec[fd]) Close(fd);
        }

        public OpenFile? Get(int fd) => (uint)fd < (uint)_files.Length ? _files[fd] : null;

        public bool CloseOnExec(int fd) => (uint)fd < (uint)_files.Length && _closeOnExec[fd];

        public void SetCloseOnExec(int fd, bool value) => _closeOnExec[fd] = value;

        // The lowest free descriptor at or above `from`, or -EMFILE.
        public int Add(OpenFile file, bool closeOnExec, int from = 0)
        {
            for (int fd = from; fd < Max; fd++)
            {
                if (fd >= _files.Length)
                {
                    Array.Resize(ref _files, Math.Min(Max, _files.Length * 2));
                    Array.Resize(ref _closeOnExec, _files.Length);
                }
                if (_files[fd] is not null) continue;
                _files[fd] = file;
                _closeOnExec[fd] = closeOnExec;
                file.AddReference();
                return fd;
            }
            return -(int)Errno.EMFILE;
        }

        // dup2(2)/dup3(2): `fd` now refers to `file`, closing what it was.
        public void Set(int fd, OpenFile file, bool closeOnExec)
        {
            while (fd >= _files.Length)
            {
                Array.Resize(ref _files, _files.Length * 2);
                Array.Resize(ref _closeOnExec, _files.Length);
            }
            file.AddReference();
            if (_files[fd] is OpenFile old) Closing(old);
            _files[fd] = file;
            _closeOnExec[fd] = closeOnExec;
        }

        // Closing any descriptor of a file drops the process's POSIX record locks on it.
        private static void Closing(OpenFile file)
        {
            file.Inode.RecordLocks?.Release(Process.UserProcess.Current);
            file.DropReference();
        }

        public bool Close(int fd)
        {
            OpenFile? file = Get(fd);
            if (file is null) return false;
            Closing(file);
            _files[fd] = null;
            _closeOnExec[fd] = false;
            return true;
        }
    }
}
