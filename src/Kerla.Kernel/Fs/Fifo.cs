using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // A named pipe (fifo(7), made by mknod(2)): a node in a directory whose
    // opens share one pipe. The pipe exists while some end is open; when the
    // last closes, what was left in it is gone.
    public sealed class Fifo : Inode
    {
        private Pipe? _pipe;

        public Fifo(uint permissions, uint uid, uint gid) : base(FileType.Fifo, permissions, uid, gid) { }

        public override long Size => 0;
        public override long Queued => _pipe?.Queued ?? 0;

        public override long Opened(OpenFile file)
        {
            _pipe ??= Pipe.ForFifo();
            long result = _pipe.OpenEnd(file);
            // A failed open may have been the only end.
            if (result < 0 && _pipe.Unused) FreePipe();
            return result;
        }

        // An O_PATH descriptor has no end of the pipe (and may outlive it).
        public override long Read(OpenFile? file, long offset, Span<byte> destination) =>
            _pipe is null ? -(long)Errno.EBADF : _pipe.Read(file, offset, destination);
        public override long Write(OpenFile? file, long offset, ReadOnlySpan<byte> source) =>
            _pipe is null ? -(long)Errno.EBADF : _pipe.Write(file, offset, source);
        public override bool Pollable => true;
        public override uint InputActivity => _pipe?.InputActivity ?? 0;
        public override uint OutputActivity => _pipe?.OutputActivity ?? 0;
        public override int Poll(OpenFile file) => _pipe is null || (file.Flags & OpenFile.O_PATH) != 0 ? 0 : _pipe.Poll(file);

        public override void Released(OpenFile file)
        {
            if (_pipe!.Close(file)) FreePipe();
        }

        public override void Evict()
        {
            Evicting();
            Memory.KernelObjects.Free(this);
        }

        private void FreePipe()
        {
            _pipe!.Free();
            _pipe = null;
        }
    }
}
