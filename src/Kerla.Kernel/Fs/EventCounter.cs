using System;
using System.Buffers.Binary;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // eventfd(2): a 64-bit counter. A read takes it whole (or 1, as a semaphore)
    // and waits while it is 0; a write adds and waits while the sum would pass
    // 0xfffffffffffffffe. O_NONBLOCK gives EAGAIN instead of waiting.
    public sealed class EventCounter : Inode
    {
        private const ulong Max = ulong.MaxValue - 1;
        private ulong _count;
        private readonly bool _semaphore;
        private readonly WaitQueue _waiters = new WaitQueue();

        // An anonymous inode ("anon_inode:[eventfd]"): no file type bits, 0600.
        public EventCounter(ulong initial, bool semaphore) : base(0, 0x180, 0, 0)
        {
            _count = initial;
            _semaphore = semaphore;
        }

        public override long Size => 0;
        public override bool Pollable => true;
        public override string? LinkName => new string("anon_inode:[eventfd]".AsSpan());

        public override long Read(OpenFile? file, long offset, Span<byte> destination)
        {
            if (destination.Length < 8) return -(long)Errno.EINVAL;
            while (_count == 0)
            {
                if (file is not null && (file.Flags & OpenFile.O_NONBLOCK) != 0) return -(long)Errno.EAGAIN;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                _waiters.Wait();
            }
            ulong value = _semaphore ? 1 : _count;
            _count -= value;
            BinaryPrimitives.WriteUInt64LittleEndian(destination, value);
            _waiters.WakeAll();
            Notify(input: false, output: true);
            return 8;
        }

        public override long Write(OpenFile? file, long offset, ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) return -(long)Errno.EINVAL;
            ulong value = BinaryPrimitives.ReadUInt64LittleEndian(source);
            if (value == ulong.MaxValue) return -(long)Errno.EINVAL;
            while (Max - _count < value)
            {
                if (file is not null && (file.Flags & OpenFile.O_NONBLOCK) != 0) return -(long)Errno.EAGAIN;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                _waiters.Wait();
            }
            _count += value;
            _waiters.WakeAll();
            Notify(input: true, output: false);
            return 8;
        }

        public override int Poll(OpenFile file) => (_count > 0 ? 1 : 0) | (_count < Max ? 4 : 0);

        public override bool IsAnonymous => true;

        public override void Evict()
        {
            _waiters.Release();
            Memory.KernelObjects.Free(_waiters);
            Evicting();
            Memory.KernelObjects.Free(this);
        }
    }
}
