using System;

namespace Kerla.Kernel.Process
{
    // Tasks waiting for something (data in a pipe, a child's exit): Wait puts
    // the current task to sleep until WakeAll. The caller re-checks its
    // condition after waking, so a wake-up that finds nothing is harmless.
    public sealed class WaitQueue
    {
        private Task?[] _waiting = new Task?[4];

        public void Wait()
        {
            Task task = Scheduler.Current!;
            int slot = -1;
            for (int i = 0; i < _waiting.Length && slot < 0; i++) if (_waiting[i] is null) slot = i;
            if (slot < 0)
            {
                slot = _waiting.Length;
                Array.Resize(ref _waiting, _waiting.Length * 2);
            }
            _waiting[slot] = task;
            Scheduler.Block();
            // Woken by something else (a signal): leave no stale entry behind.
            if (_waiting[slot] == task) _waiting[slot] = null;
        }

        // The queue's owner is gone (nobody can be waiting).
        public void Release() => Memory.KernelObjects.Free(_waiting);

        public void WakeAll()
        {
            for (int i = 0; i < _waiting.Length; i++)
            {
                Task? task = _waiting[i];
                if (task is null) continue;
                _waiting[i] = null;
                Scheduler.Wake(task);
            }
        }
    }
}
