namespace Kerla.Kernel.Process
{
    // Every process descends from init (orphans are re-parented to it), so the
    // tree below init is the process table: walked, not indexed, while
    // processes are few.
    public static class ProcessTree
    {
        public static UserProcess? Find(int pid) => Find(Init.Process, pid);

        // A pid argument that names the caller (0) or a process that exists.
        public static bool Exists(int pid) => pid == 0 || (pid > 0 && Find(pid) is not null);

        // Whether some process (zombies included, as on Linux) is in group `pgid`
        // of session `sid`; any session when `sid` is negative.
        public static bool GroupExists(int pgid, int sid) => GroupExists(Init.Process, pgid, sid);

        // Whether a process other than `except` holds `s` as its name or executable path.
        public static bool Holds(string s, UserProcess except) => Holds(Init.Process, s, except);

        private static bool Holds(UserProcess? process, string s, UserProcess except)
        {
            if (process is null) return false;
            if (process != except && ((object)process.Name == s || (object)process.ExePath == s)) return true;
            foreach (UserProcess? child in process.Children)
                if (Holds(child, s, except)) return true;
            return false;
        }

        private static UserProcess? Find(UserProcess? process, int pid)
        {
            if (process is null || process.Pid == pid) return process;
            foreach (UserProcess? child in process.Children)
            {
                UserProcess? found = Find(child, pid);
                if (found is not null) return found;
            }
            return null;
        }

        private static bool GroupExists(UserProcess? process, int pgid, int sid)
        {
            if (process is null) return false;
            if (process.Pgid == pgid && (sid < 0 || process.Sid == sid)) return true;
            foreach (UserProcess? child in process.Children)
                if (GroupExists(child, pgid, sid)) return true;
            return false;
        }
    }
}
