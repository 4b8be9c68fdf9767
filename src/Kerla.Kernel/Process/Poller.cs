namespace Kerla.Kernel.Process
{
    // Tasks in poll(2): woken by anything that may make a descriptor ready
    // (terminal input, pipe traffic) and by every timer tick, so timeouts end.
    public static class Poller
    {
        private static readonly WaitQueue s_waiters = new WaitQueue();
        private static int s_sleeping;

        public static void Wait()
        {
            s_sleeping++;
            s_waiters.Wait();
            s_sleeping--;
        }

        public static void WakeAll() => s_waiters.WakeAll();

        // From the timer interrupt.
        public static void Tick()
        {
            if (s_sleeping > 0) s_waiters.WakeAll();
        }
    }
}
