namespace Kerla.Kernel.Process
{
    // Sleeping until a time: tasks wait here and look at the clock again on
    // every timer tick (the tick is 10 ms; finer sleeps round up to it).
    public static class Timer
    {
        private static readonly WaitQueue s_sleepers = new WaitQueue();
        private static int s_sleeping;

        // Until the monotonic clock reaches `deadline` (nanoseconds since boot), or
        // a signal comes for the process: false then.
        public static bool SleepUntil(ulong deadline)
        {
            Platform platform = KernelHost.Platform;
            while (platform.NanosecondsSinceBoot < deadline)
            {
                if (Signals.Interrupted) return false;
                s_sleeping++;
                s_sleepers.Wait();
                s_sleeping--;
            }
            return true;
        }

        // From the timer interrupt: sleepers look at the clock, interval timers fire.
        public static void Tick()
        {
            if (s_sleeping > 0) s_sleepers.WakeAll();
            Itimers.Tick(KernelHost.Platform.NanosecondsSinceBoot);
        }
    }
}
