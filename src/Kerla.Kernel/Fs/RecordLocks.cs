using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs
{
    // fcntl(2) record locks of one inode: byte ranges [Start, End) held for
    // reading (shared) or writing (exclusive). A POSIX lock belongs to a process:
    // fork does not pass it on, and closing any descriptor of the file drops all
    // the process's locks on it. An OFD lock (F_OFD_*) belongs to the open file
    // description and goes with its last close, as flock's do. Independent of
    // flock(2) locks, as on Linux.
    public sealed class RecordLocks
    {
        public const long ToEnd = long.MaxValue;

        public sealed class Range
        {
            public object Owner = null!; // a UserProcess or an OpenFile
            public int Pid;              // what F_GETLK reports: -1 for OFD locks
            public bool Write;
            public long Start, End;
        }

        private Range?[] _ranges = new Range?[4];
        public readonly WaitQueue Waiters = new WaitQueue();

        // Another owner's lock that keeps `owner` from locking [start, end).
        public Range? Conflict(object owner, bool write, long start, long end)
        {
            foreach (Range? r in _ranges)
                if (r is not null && r.Owner != owner && (write || r.Write) && r.Start < end && start < r.End) return r;
            return null;
        }

        // Locks [start, end) for `owner`, or unlocks it: whatever the owner held
        // there is replaced (a lock converts, a range splits), and the owner's
        // overlapping or adjacent locks of the same kind merge into one.
        public void Set(object owner, int pid, bool unlock, bool write, long start, long end)
        {
            // The owner's own ranges never overlap, and same-kind ones never touch:
            // so a range absorbed here cannot bring another into reach.
            for (int i = 0; i < _ranges.Length; i++)
            {
                Range? r = _ranges[i];
                if (r is null || r.Owner != owner) continue;
                if (!unlock && r.Write == write && r.Start <= end && start <= r.End)
                {
                    start = Math.Min(start, r.Start);
                    end = Math.Max(end, r.End);
                    Remove(i);
                }
                else if (r.End <= start || end <= r.Start) continue;
                else if (r.Start < start && end < r.End)
                {
                    Add(owner, r.Pid, r.Write, end, r.End); // a different kind: never merged back
                    r.End = start;
                }
                else if (r.Start < start) r.End = start;
                else if (end < r.End) r.Start = end;
                else Remove(i);
            }
            if (!unlock) Add(owner, pid, write, start, end);
            Waiters.WakeAll();
        }

        // The inode is gone (no lock can be left: every owner closed it).
        public void Release()
        {
            Memory.KernelObjects.Free(_ranges);
            Waiters.Release();
            Memory.KernelObjects.Free(Waiters);
        }

        // The owner closed the file (a process) or its last descriptor (an OFD).
        public void Release(object? owner)
        {
            bool any = false;
            for (int i = 0; i < _ranges.Length; i++)
            {
                if (_ranges[i] is not Range r || r.Owner != owner) continue;
                Remove(i);
                any = true;
            }
            if (any) Waiters.WakeAll();
        }

        private void Add(object owner, int pid, bool write, long start, long end)
        {
            int free = IndexOf(_ranges, null);
            if (free < 0)
            {
                free = _ranges.Length;
                Array.Resize(ref _ranges, free * 2);
            }
            _ranges[free] = new Range { Owner = owner, Pid = pid, Write = write, Start = start, End = end };
        }

        private void Remove(int i)
        {
            Memory.KernelObjects.Free(_ranges[i]);
            _ranges[i] = null;
        }

        private static int IndexOf(object?[] array, object? value)
        {
            for (int i = 0; i < array.Length; i++)
                if (array[i] == value) return i;
            return -1;
        }

        // F_SETLKW's deadlock check: which owner each waiting process waits for.
        private static object?[] s_waiters = new object?[8], s_awaited = new object?[8];

        // Whether `waiter` waiting for `holder` would close a cycle of processes
        // each waiting for the next (EDEADLK).
        public static bool WouldDeadlock(object waiter, object holder)
        {
            for (int hops = 0; hops < s_waiters.Length; hops++)
            {
                if (holder == waiter) return true;
                int i = IndexOf(s_waiters, holder);
                if (i < 0) return false;
                holder = s_awaited[i]!;
            }
            return false;
        }

        public static void StartWaiting(object waiter, object holder)
        {
            int free = IndexOf(s_waiters, null);
            if (free < 0)
            {
                free = s_waiters.Length;
                Array.Resize(ref s_waiters, free * 2);
                Array.Resize(ref s_awaited, free * 2);
            }
            s_waiters[free] = waiter;
            s_awaited[free] = holder;
        }

        public static void StopWaiting(object waiter)
        {
            int i = IndexOf(s_waiters, waiter);
            if (i < 0) return;
            s_waiters[i] = null;
            s_awaited[i] = null;
        }
    }
}
