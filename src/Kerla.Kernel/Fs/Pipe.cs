using System;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // pipe(7): a 64 KiB ring buffer between a read end and a write end. Reads
    // wait for data while a writer exists (then end of file); writes wait for
    // room while a reader exists (then EPIPE and SIGPIPE); O_NONBLOCK gives
    // EAGAIN instead. A signal ends the wait (what was written is returned).
    // pipe(2) makes one with both ends open; a FIFO (fifo(7)) makes one when
    // its first end opens, and each open(2) adds an end.
    public sealed class Pipe : Inode
    {
        public const int Capacity = 65536, PipeBuf = 4096;
        private readonly byte[] _buffer = new byte[Capacity];
        private int _start, _length;
        private int _readers, _writers;
        // Ends opened so far, of each kind: a FIFO's blocking open waits for the other kind's to move.
        private uint _readersOpened, _writersOpened;
        private readonly WaitQueue _waiters = new WaitQueue();

        // pipe(2)'s, owned by its maker; freed with its last reference.
        public Pipe(uint uid, uint gid) : base(FileType.Fifo, 0x180, uid, gid)
        {
            _readers = _writers = 1;
            _readersOpened = _writersOpened = 1;
            _anonymous = true;
        }

        private readonly bool _anonymous;

        private Pipe() : base(FileType.Fifo, 0x180, 0, 0) { }

        // A FIFO's pipe, before any end is open: the FIFO frees it.
        public static Pipe ForFifo() => new Pipe();

        public override bool IsAnonymous => _anonymous;

        // Opened again through /proc/<pid>/fd: one more end, as a FIFO's open.
        public override long Opened(OpenFile file) => OpenEnd(file);

        public override void Evict() => Free();

        // open(2) of a FIFO: O_RDONLY waits for a writer, O_WRONLY for a reader
        // (without waiting, ENXIO when there is none), O_RDWR never waits.
        public long OpenEnd(OpenFile file)
        {
            bool nonBlocking = NonBlocking(file);
            if (!file.CanRead && nonBlocking && _readers == 0) return -(long)Errno.ENXIO;
            if (file.CanRead)
            {
                _readers++;
                _readersOpened++;
            }
            if (file.CanWrite)
            {
                _writers++;
                _writersOpened++;
            }
            _waiters.WakeAll();
            Notify(input: true, output: true);
            if (file.CanRead && file.CanWrite) return 0;
            uint seen = file.CanRead ? _writersOpened : _readersOpened;
            if (file.CanRead && nonBlocking && _writers == 0) file.Version = _writersOpened;
            while ((file.CanRead ? _writers : _readers) == 0 && !(file.CanRead && nonBlocking))
            {
                if ((file.CanRead ? _writersOpened : _readersOpened) != seen) break; // one came (and went)
                if (Signals.Interrupted)
                {
                    if (file.CanRead) _readers--;
                    if (file.CanWrite) _writers--;
                    return Signals.ERESTARTSYS;
                }
                _waiters.Wait();
            }
            return 0;
        }

        // fstat says 0, as Linux; what is queued is Queued.
        public override long Size => 0;
        public override long Queued => _length;
        public override ulong Dev => 12; // pipefs

        public override long Read(long offset, Span<byte> destination) => Read(null, offset, destination);
        public override long Write(long offset, ReadOnlySpan<byte> source) => Write(null, offset, source);

        private static bool NonBlocking(OpenFile? file) => file is not null && (file.Flags & OpenFile.O_NONBLOCK) != 0;

        public override long Read(OpenFile? file, long offset, Span<byte> destination)
        {
            while (_length == 0)
            {
                if (_writers == 0) return 0;
                if (NonBlocking(file)) return -(long)Errno.EAGAIN;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                _waiters.Wait();
            }
            int count = Math.Min(destination.Length, _length);
            // The ring's bytes are in at most two runs: up to the end, then from the start.
            int first = Math.Min(count, Capacity - _start);
            _buffer.AsSpan(_start, first).CopyTo(destination);
            _buffer.AsSpan(0, count - first).CopyTo(destination.Slice(first));
            _start = (_start + count) % Capacity;
            _length -= count;
            _waiters.WakeAll();
            Notify(input: false, output: true);
            return count;
        }

        public override long Write(OpenFile? file, long offset, ReadOnlySpan<byte> source)
        {
            int written = 0;
            // Up to PIPE_BUF bytes go in at once or not at all (atomic, as POSIX says).
            int atLeast = source.Length <= PipeBuf ? source.Length : 1;
            while (written < source.Length)
            {
                if (_readers == 0)
                {
                    if (written > 0) return written;
                    // Writing to a pipe nobody reads: SIGPIPE as well as EPIPE.
                    if (UserProcess.Current is UserProcess writer) Signals.Send(writer, Signals.SIGPIPE, Signals.FromProcess(Signals.SI_USER, writer));
                    return -(long)Errno.EPIPE;
                }
                if (Capacity - _length < atLeast)
                {
                    if (NonBlocking(file)) return written > 0 ? written : -(long)Errno.EAGAIN;
                    if (Signals.Interrupted) return written > 0 ? written : Signals.ERESTARTSYS;
                    _waiters.Wait();
                    continue;
                }
                int count = Math.Min(source.Length - written, Capacity - _length);
                int end = (_start + _length) % Capacity, first = Math.Min(count, Capacity - end);
                source.Slice(written, first).CopyTo(_buffer.AsSpan(end));
                source.Slice(written + first, count - first).CopyTo(_buffer);
                _length += count;
                written += count;
                _waiters.WakeAll();
                Notify(input: true, output: false);
            }
            return written;
        }

        // As Linux: POLLIN only with data; POLLHUP once no writer is left, though
        // not for a FIFO reader opened without waiting that never saw a writer;
        // POLLOUT with room, and POLLERR besides when nobody reads.
        public override bool Pollable => true;
        public override string? LinkName
        {
            get
            {
                string number = Ino.ToString();
                string name = string.Concat("pipe:[", number, "]");
                Memory.KernelObjects.Free(number);
                return name;
            }
        }

        public override int Poll(OpenFile file)
        {
            int events = 0;
            if (file.CanRead && _length > 0) events |= 1;
            if (file.CanRead && _writers == 0 && file.Version != _writersOpened) events |= 0x10;
            if (file.CanWrite && _length < Capacity) events |= 4;
            if (file.CanWrite && _readers == 0) events |= 8;
            return events;
        }

        public override void Released(OpenFile file) => Close(file);

        // An end closed; true when none is left (the contents are gone then).
        public bool Close(OpenFile file)
        {
            if (file.CanRead) _readers--;
            if (file.CanWrite) _writers--;
            _waiters.WakeAll();
            Notify(input: true, output: true);
            return Unused;
        }

        public bool Unused => _readers == 0 && _writers == 0;

        // Nothing refers to the pipe any more.
        public void Free()
        {
            Memory.KernelObjects.Free(_buffer);
            _waiters.Release();
            Memory.KernelObjects.Free(_waiters);
            Evicting();
            Memory.KernelObjects.Free(this);
        }
    }
}
