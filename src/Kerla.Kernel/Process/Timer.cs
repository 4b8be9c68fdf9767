namespace Kerla.Kernel.Process
{
    // Sleeping until a time: tasks wait here and look at the clock again on
    // every timer tick (the tick is 10 ms; finer sleeps round up to it).
    public static class Timer
    {
        private static readonly WaitQueue s_sleepers = new WaitQueue();
        private static int s_sleeping;

        // Until the monotonic clock reaches `deadline` (nanoseconds since boot).
        public static void SleepUntil(ulong deadline)
        {
            Platform platform = KernelHost.Platform;
            while (platform.NanosecondsSinceBoot < deadline)
            {
                s_sleeping++;
                s_sleepers.Wait();
                s_sleeping--;
            }
        }

        // From the timer interrupt.
        public static void Tick()
        {
            if (s_sleeping > 0) s_sleepers.WakeAll();
        }
    }
}
