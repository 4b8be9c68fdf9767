namespace Kerla.Kernel.Process
{
    // The 1, 5 and 15 minute load averages, as Linux computes them (calc_load):
    // every 5 seconds the number of runnable tasks is folded into exponentially
    // decaying averages, in fixed point with 11 fraction bits.
    public static class LoadAverage
    {
        public const int FixedShift = 11;
        private const ulong Fixed1 = 1UL << FixedShift, Exp1 = 1884, Exp5 = 2014, Exp15 = 2037;
        private static readonly ulong[] s_averages = new ulong[3];
        private static int s_ticks;

        // avenrun[i] in FixedShift fixed point.
        public static ulong Get(int index) => s_averages[index];

        // From the timer interrupt.
        public static void Tick()
        {
            if (++s_ticks < 5 * KernelHost.Platform.TimerHz) return;
            s_ticks = 0;
            // The interrupted task counts as runnable, as Linux counts the running one.
            ulong active = (ulong)Scheduler.RunnableCount * Fixed1;
            s_averages[0] = Fold(s_averages[0], Exp1, active);
            s_averages[1] = Fold(s_averages[1], Exp5, active);
            s_averages[2] = Fold(s_averages[2], Exp15, active);
        }

        private static ulong Fold(ulong load, ulong exp, ulong active)
        {
            ulong next = load * exp + active * (Fixed1 - exp);
            if (active >= load) next += Fixed1 - 1;
            return next / Fixed1;
        }
    }
}
