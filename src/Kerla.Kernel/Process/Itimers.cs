namespace Kerla.Kernel.Process
{
    // setitimer(2) and alarm(2): ITIMER_REAL counts monotonic time and sends
    // SIGALRM; ITIMER_VIRTUAL (user time, SIGVTALRM) and ITIMER_PROF (user and
    // system time, SIGPROF) count the ticks charged to the process. All are
    // looked at on timer ticks, so they have the tick's resolution.
    public static class Itimers
    {
        // The processes with an armed ITIMER_REAL; grown in syscalls, read in the interrupt.
        private static UserProcess?[] s_armed = new UserProcess?[8];

        public static void ArmReal(UserProcess process, ulong deadline, ulong interval)
        {
            process.RealTimerDeadline = deadline;
            process.RealTimerInterval = interval;
            if (deadline == 0)
            {
                Disarm(process);
                return;
            }
            int free = -1;
            for (int i = 0; i < s_armed.Length; i++)
            {
                if (s_armed[i] == process) return;
                if (s_armed[i] is null && free < 0) free = i;
            }
            if (free < 0)
            {
                free = s_armed.Length;
                var more = new UserProcess?[s_armed.Length * 2];
                System.Array.Copy(s_armed, more, s_armed.Length);
                UserProcess?[] old = s_armed;
                s_armed = more;
                Memory.KernelObjects.Free(old);
            }
            s_armed[free] = process;
        }

        // At exit: no timer outlives its process.
        public static void Disarm(UserProcess process)
        {
            process.RealTimerDeadline = 0;
            for (int i = 0; i < s_armed.Length; i++) if (s_armed[i] == process) s_armed[i] = null;
        }

        // From the timer interrupt.
        public static void Tick(ulong now)
        {
            for (int i = 0; i < s_armed.Length; i++)
            {
                UserProcess? process = s_armed[i];
                if (process is null || now < process.RealTimerDeadline) continue;
                if (process.RealTimerInterval == 0)
                {
                    process.RealTimerDeadline = 0;
                    s_armed[i] = null;
                }
                else process.RealTimerDeadline += process.RealTimerInterval;
                Signals.Send(process, Signals.SIGALRM, new SignalInfo { Code = Signals.SI_KERNEL });
            }
        }

        // A tick charged to `process`: the CPU-time timers count down.
        public static void Charge(UserProcess process, ulong tick, bool userMode)
        {
            if (userMode && process.VirtualTimerLeft != 0 && CountDown(ref process.VirtualTimerLeft, process.VirtualTimerInterval, tick))
                Signals.Send(process, Signals.SIGVTALRM, new SignalInfo { Code = Signals.SI_KERNEL });
            if (process.ProfTimerLeft != 0 && CountDown(ref process.ProfTimerLeft, process.ProfTimerInterval, tick))
                Signals.Send(process, Signals.SIGPROF, new SignalInfo { Code = Signals.SI_KERNEL });
        }

        private static bool CountDown(ref ulong left, ulong interval, ulong tick)
        {
            if (left > tick)
            {
                left -= tick;
                return false;
            }
            left = interval;
            return true;
        }
    }
}
