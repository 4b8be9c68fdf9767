using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Fs
{
    // flock(2) locks of one inode: held by open file descriptions (so dup'd and
    // inherited descriptors share them), shared or exclusive, gone with the
    // description's last close.
    public sealed class FileLocks
    {
        private OpenFile?[] _holders = new OpenFile?[4];
        private bool[] _exclusive = new bool[4];
        public readonly WaitQueue Waiters = new WaitQueue();

        // Whether `file` may take the lock without waiting.
        public bool Conflicts(OpenFile file, bool exclusive)
        {
            for (int i = 0; i < _holders.Length; i++)
                if (_holders[i] is OpenFile other && other != file && (exclusive || _exclusive[i])) return true;
            return false;
        }

        // Takes the lock, or converts the one `file` holds.
        public void Take(OpenFile file, bool exclusive)
        {
            int free = -1;
            for (int i = 0; i < _holders.Length; i++)
            {
                if (_holders[i] == file)
                {
                    _exclusive[i] = exclusive;
                    Waiters.WakeAll(); // a conversion to shared may let others in
                    return;
                }
                if (_holders[i] is null && free < 0) free = i;
            }
            if (free < 0)
            {
                free = _holders.Length;
                Array.Resize(ref _holders, free * 2);
                Array.Resize(ref _exclusive, free * 2);
            }
            _holders[free] = file;
            _exclusive[free] = exclusive;
        }

        // The inode is gone.
        public void Release()
        {
            Memory.KernelObjects.Free(_holders);
            Memory.KernelObjects.Free(_exclusive);
            Waiters.Release();
            Memory.KernelObjects.Free(Waiters);
        }

        public void Release(OpenFile file)
        {
            for (int i = 0; i < _holders.Length; i++)
                if (_holders[i] == file) _holders[i] = null;
            Waiters.WakeAll();
        }
    }
}
