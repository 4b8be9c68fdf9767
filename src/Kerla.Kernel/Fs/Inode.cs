using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // File types as st_mode's S_IFMT bits (inode(7)).
    public enum FileType : uint
    {
        Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000,
        Regular = 0x8000, Symlink = 0xa000, Socket = 0xc000,
    }

    // A file in some filesystem: its attributes, and the operations its type has.
    // An operation a type does not have answers as Linux does for it (EISDIR,
    // ENOTDIR, EINVAL).
    public abstract class Inode
    {
        private static ulong s_nextIno = 2;

        protected Inode(FileType type, uint permissions, uint uid, uint gid)
        {
            Ino = s_nextIno++;
            Mode = (uint)type | (permissions & 0xfff);
            Uid = uid;
            Gid = gid;
            Nlink = 1;
            ulong now = KernelHost.RealTimeNanoseconds;
            Atime = Mtime = Ctime = now;
        }

        public ulong Ino { get; }
        public uint Mode { get; set; }
        public uint Uid { get; set; }
        public uint Gid { get; set; }
        public uint Nlink { get; set; }
        // Access, modification and change times, in nanoseconds since the epoch.
        public ulong Atime { get; set; }
        public ulong Mtime { get; set; }
        public ulong Ctime { get; set; }

        // A read: the access time moves as Linux's default "relatime" moves it,
        // when it is not later than the modification or change time, or a day old.
        public void Accessed()
        {
            ulong now = KernelHost.RealTimeNanoseconds;
            if (Atime <= Mtime || Atime <= Ctime || now - Atime >= 86400UL * 1000000000) Atime = now;
        }
        public virtual ulong Rdev => 0;
        public virtual ulong Dev => Filesystem?.Device ?? 1;

        // The filesystem instance the inode lives in, for those that keep files.
        public Superblock? Filesystem { get; set; }

        public FileType Type => (FileType)(Mode & 0xf000);

        // Whether a read gets all it asks for while data lasts (files, memory
        // devices), rather than what is there now (pipes, terminals).
        public virtual bool FillsReads => Type == FileType.Regular;
        public bool IsDirectory => Type == FileType.Directory;
        public abstract long Size { get; }

        // Bytes waiting to be read (a pipe's or FIFO's contents).
        public virtual long Queued => 0;

        public virtual long Read(long offset, Span<byte> destination) => IsDirectory ? -(long)Errno.EISDIR : -(long)Errno.EINVAL;

        // Through an open file: types whose behaviour depends on its flags
        // (O_NONBLOCK on a pipe) override these.
        public virtual long Read(OpenFile? file, long offset, Span<byte> destination) => Read(offset, destination);
        public virtual long Write(OpenFile? file, long offset, ReadOnlySpan<byte> source) => Write(offset, source);
        public virtual long Write(long offset, ReadOnlySpan<byte> source) => IsDirectory ? -(long)Errno.EISDIR : -(long)Errno.EINVAL;
        public virtual Errno Truncate(long length) => IsDirectory ? Errno.EISDIR : Errno.EINVAL;

        // fallocate(2) on a regular file: make [offset, offset + length) exist
        // (growing the size unless keepSize), or zero it (punchHole).
        public virtual Errno Allocate(long offset, long length, bool keepSize, bool punchHole) => Errno.EOPNOTSUPP;

        // Directories.
        public virtual Inode? Lookup(string name) => null;
        public virtual Inode? Parent => null;
        public virtual int EntryCount => 0;
        public virtual bool Entry(int index, out string name, out Inode? inode) { name = ""; inode = null; return false; }

        // readdir: the first entry at or after `position`, and the position to
        // go on from. Here positions are entry numbers; a directory whose
        // entries can go while it is read gives each a position of its own.
        public virtual bool EntryAt(long position, out string name, out Inode? inode, out long next)
        {
            next = position + 1;
            return Entry((int)position, out name, out inode);
        }
        public virtual Errno Link(string name, Inode inode) => Errno.ENOTDIR;
        public virtual Errno Create(string name, FileType type, uint permissions, uint uid, uint gid, out Inode? created)
        {
            created = null;
            return Errno.ENOTDIR;
        }

        // Removes the entry `name` (unlink(2) for files, rmdir(2) for directories).
        public virtual Errno Unlink(string name, bool directory) => Errno.ENOTDIR;

        // Moves the entry `oldName` to `newName` in `newDirectory` (rename(2));
        // flags are renameat2's RENAME_NOREPLACE and RENAME_EXCHANGE. The names
        // stay the caller's (a directory copies one it keeps), unlike Link's
        // and Create's, which the directory takes.
        public virtual Errno Rename(string oldName, Inode newDirectory, string newName, uint flags) => Errno.ENOTDIR;

        // Creates a symbolic link `name` holding `target` (symlink(2)).
        public virtual Errno CreateSymlink(string name, string target, uint uid, uint gid) => Errno.ENOTDIR;

        // poll(2): which of POLLIN (1), POLLOUT (4), POLLERR (8), POLLHUP (0x10)
        // hold now. Files and directories are always ready.
        public virtual int Poll(OpenFile file) => 1 | 4;

        // Whether readiness can change, so that epoll(7) may watch it (EPERM for
        // regular files and directories, as on Linux).
        public virtual bool Pollable => false;

        // Wake-ups so far that may have made the file readable (data came, an
        // end closed) or writable (room was made): edge-triggered epoll reports
        // a file again after one, even if it was ready all along, as Linux does.
        private uint _inputActivity, _outputActivity;
        public virtual uint InputActivity => _inputActivity;
        public virtual uint OutputActivity => _outputActivity;

        // Something changed that poll(2), select(2) and epoll(7) waiters may be
        // waiting for. Safe in an interrupt handler: it allocates nothing.
        public void Notify(bool input, bool output)
        {
            if (input) _inputActivity++;
            if (output) _outputActivity++;
            Process.Poller.WakeAll();
        }

        // The last descriptor of an open file description closed.
        public virtual void Released(OpenFile file) { }

        // Open file descriptions on this inode (O_PATH ones too), and processes
        // whose working or root directory it is.
        public int References { get; set; }

        // The inode has no name left and nothing refers to it: a file system
        // that keeps its files in memory gives that memory back here (the
        // object is gone after this). Called by the last unlink, close or chdir.
        public virtual void Evict() { }

        // A reference (see References) goes.
        public void Unreference()
        {
            if (--References == 0 && (Nlink == 0 || IsAnonymous)) Evict();
        }

        // An inode no directory can name (a pipe, an eventfd, an epoll
        // instance): it goes with its last reference.
        public virtual bool IsAnonymous => false;

        // Nothing refers to the inode any more: its locks go with it, and its
        // filesystem counts one inode less (an unlinked file still open counts,
        // as on Linux).
        protected void Evicting()
        {
            if (Filesystem is Superblock sb) sb.Inodes--;
            if (DeletedPath is not null) Memory.KernelObjects.Free(DeletedPath);
            Locks?.Release();
            Memory.KernelObjects.Free(Locks);
            RecordLocks?.Release();
            Memory.KernelObjects.Free(RecordLocks);
        }

        // Symbolic links.
        public virtual string? LinkTarget => null;

        // A /proc "magic" link (fd/N, cwd, root): the inode it stands for, which
        // path resolution goes to directly, whatever the link's text says.
        public virtual Inode? Jump => null;

        // What /proc/<pid>/fd shows for an open file no directory names (a new
        // string): "pipe:[ino]", "anon_inode:[eventfd]", a device's /dev path,
        // "/path (deleted)" for a file unlinked while open.
        public virtual string? LinkName => DeletedPath is null ? null : string.Concat(DeletedPath, " (deleted)");

        // The path a file had when it lost its last name while open.
        public string? DeletedPath { get; set; }

        // flock(2) locks on this file, once someone took one.
        public FileLocks? Locks { get; set; }

        // fcntl(2) record locks on this file, once someone took one.
        public RecordLocks? RecordLocks { get; set; }

        // st_blocks: 512-byte units the file takes (what holds data, not its size).
        public virtual long Blocks => 0;

        // Reads up to `length` bytes at `offset` straight into user memory at
        // `address`: the count (short at the end of the file), or -EFAULT when
        // nothing could be copied. Files that keep their bytes in memory copy
        // without a bounce buffer.
        public virtual long ReadToUser(OpenFile? file, long offset, ulong address, long length)
        {
            Span<byte> chunk = stackalloc byte[2048];
            long done = 0;
            while (done < length)
            {
                long n = Read(file, offset + done, chunk.Slice(0, (int)Math.Min(chunk.Length, length - done)));
                if (n < 0) return done > 0 ? done : n;
                if (n == 0) break;
                if (!KernelHost.Platform.CopyToUser(address + (ulong)done, chunk.Slice(0, (int)n))) return done > 0 ? done : -(long)Errno.EFAULT;
                done += n;
                if (n < Math.Min(chunk.Length, length - (done - n))) break;
            }
            return done;
        }

        // open(2): the inode the open file works on (a device may stand for
        // another, as /dev/tty for the controlling terminal), or an errno.
        public virtual Errno Open(out Inode opened)
        {
            opened = this;
            return 0;
        }

        // open(2) made `file` on this inode: 0, or why it cannot be open (a FIFO's
        // wait for its other end may end with ENXIO or a signal).
        public virtual long Opened(OpenFile file) => 0;
    }
}
