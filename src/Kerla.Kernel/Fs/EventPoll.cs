using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // epoll(7): an interest list of (open file, descriptor) pairs and the events
    // each waits for. Level-triggered entries are reported while ready; edge-
    // triggered ones (EPOLLET) once per wake-up of their file; one-shot ones
    // (EPOLLONESHOT) once, until EPOLL_CTL_MOD re-arms them. EPOLLERR and
    // EPOLLHUP are always reported. An entry leaves with its file's last close.
    public sealed class EventPoll : Inode
    {
        public const uint EPOLLIN = 1, EPOLLOUT = 4, EPOLLERR = 8, EPOLLHUP = 0x10, EPOLLRDHUP = 0x2000,
            EPOLLEXCLUSIVE = 1u << 28, EPOLLWAKEUP = 1u << 29, EPOLLONESHOT = 1u << 30, EPOLLET = 1u << 31;
        private const int MaxNesting = 5; // Linux's EP_MAX_NESTS

        private sealed class Interest
        {
            public OpenFile File = null!;
            public int Fd;
            public uint Events;
            public ulong Data;
            public bool Armed;    // an edge-triggered entry reports its next readiness, activity or not
            public bool Disabled; // a one-shot entry that reported
            public uint SeenInput, SeenOutput;
        }

        private Interest?[] _interests = new Interest?[4];

        // Every epoll instance, so that a file's last close leaves them all.
        private static EventPoll?[] s_instances = new EventPoll?[4];

        // An anonymous inode ("anon_inode:[eventpoll]").
        public EventPoll() : base(0, 0x180, 0, 0)
        {
            int free = IndexOf(s_instances, null);
            if (free < 0)
            {
                free = s_instances.Length;
                Array.Resize(ref s_instances, free * 2);
            }
            s_instances[free] = this;
        }

        public override long Size => 0;
        public override bool Pollable => true;
        public override string? LinkName => new string("anon_inode:[eventpoll]".AsSpan());

        public Errno Add(OpenFile file, int fd, uint events, ulong data)
        {
            if (Find(file, fd) >= 0) return Errno.EEXIST;
            if (file.Inode is EventPoll inner && (inner == this || inner.Reaches(this, 1))) return Errno.ELOOP;
            int free = IndexOf(_interests, null);
            if (free < 0)
            {
                free = _interests.Length;
                Array.Resize(ref _interests, free * 2);
            }
            _interests[free] = new Interest { File = file, Fd = fd };
            Arm(_interests[free]!, events, data);
            Notify(input: true, output: false); // a nested epoll watching this one may be ready now
            return 0;
        }

        public Errno Modify(OpenFile file, int fd, uint events, ulong data)
        {
            int i = Find(file, fd);
            if (i < 0) return Errno.ENOENT;
            Arm(_interests[i]!, events, data);
            Notify(input: true, output: false);
            return 0;
        }

        public Errno Remove(OpenFile file, int fd)
        {
            int i = Find(file, fd);
            if (i < 0) return Errno.ENOENT;
            Memory.KernelObjects.Free(_interests[i]);
            _interests[i] = null;
            return 0;
        }

        private static void Arm(Interest interest, uint events, ulong data)
        {
            interest.Events = events;
            interest.Data = data;
            interest.Armed = true;
            interest.Disabled = false;
        }

        // Writes up to `max` ready events (struct epoll_event) into `output`;
        // reporting them moves edge-triggered and one-shot entries on.
        public int Collect(Span<byte> output, int max)
        {
            int count = 0;
            foreach (Interest? interest in _interests)
            {
                if (count == max) break;
                if (interest is null) continue;
                uint ready = Ready(interest);
                if (ready == 0) continue;
                var e = new EpollEvent(output.Slice(count * EpollEvent.Size, EpollEvent.Size));
                e.events = ready;
                e.data = interest.Data;
                count++;
                if ((interest.Events & EPOLLONESHOT) != 0) interest.Disabled = true;
                if ((interest.Events & EPOLLET) != 0)
                {
                    interest.Armed = false;
                    interest.SeenInput = interest.File.Inode.InputActivity;
                    interest.SeenOutput = interest.File.Inode.OutputActivity;
                }
            }
            return count;
        }

        public int Count
        {
            get
            {
                int count = 0;
                foreach (Interest? interest in _interests) if (interest is not null) count++;
                return count;
            }
        }

        // The events an entry would report now.
        private static uint Ready(Interest interest)
        {
            if (interest.Disabled) return 0;
            Inode inode = interest.File.Inode;
            uint ready = (uint)inode.Poll(interest.File) & (interest.Events | EPOLLERR | EPOLLHUP) & 0xffff;
            if (ready == 0 || (interest.Events & EPOLLET) == 0 || interest.Armed) return ready;
            bool woken = (inode.InputActivity != interest.SeenInput && (ready & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0) ||
                         (inode.OutputActivity != interest.SeenOutput && (ready & (EPOLLOUT | EPOLLHUP | EPOLLERR)) != 0);
            return woken ? ready : 0;
        }

        // An epoll descriptor is readable while some entry of its own is ready.
        public override int Poll(OpenFile file)
        {
            foreach (Interest? interest in _interests)
                if (interest is not null && Ready(interest) != 0) return (int)EPOLLIN;
            return 0;
        }

        // Whether `target` is this instance or watched from it, through at most
        // MaxNesting levels (beyond that Linux refuses too: ELOOP).
        private bool Reaches(EventPoll target, int depth)
        {
            if (this == target || depth > MaxNesting) return true;
            foreach (Interest? interest in _interests)
                if (interest?.File.Inode is EventPoll inner && inner.Reaches(target, depth + 1)) return true;
            return false;
        }

        private int Find(OpenFile file, int fd)
        {
            for (int i = 0; i < _interests.Length; i++)
                if (_interests[i] is Interest interest && interest.File == file && interest.Fd == fd) return i;
            return -1;
        }

        // `file`'s last descriptor closed: it leaves every interest list.
        public static void Forget(OpenFile file)
        {
            foreach (EventPoll? instance in s_instances)
            {
                if (instance is null) continue;
                for (int i = 0; i < instance._interests.Length; i++)
                {
                    if (instance._interests[i]?.File != file) continue;
                    Memory.KernelObjects.Free(instance._interests[i]);
                    instance._interests[i] = null;
                }
            }
        }

        public override bool IsAnonymous => true;

        public override void Evict()
        {
            s_instances[IndexOf(s_instances, this)] = null;
            foreach (Interest? interest in _interests) Memory.KernelObjects.Free(interest);
            Memory.KernelObjects.Free(_interests);
            Evicting();
            Memory.KernelObjects.Free(this);
        }

        private static int IndexOf(object?[] array, object? value)
        {
            for (int i = 0; i < array.Length; i++)
                if (array[i] == value) return i;
            return -1;
        }
    }
}
