using System;

namespace Kerla.Kernel.Process
{
    // What the architecture keeps for a task: its kernel stack, the saved stack
    // pointer while it is switched out, its user thread pointer.
    public abstract class TaskContext { }

    public enum TaskState { Runnable, Sleeping, Dead }

    // A schedulable thread. Each process has one until threads arrive.
    public sealed class Task
    {
        public Task(UserProcess? process, TaskContext context)
        {
            Process = process;
            Context = context;
        }

        public UserProcess? Process { get; }
        public TaskContext Context { get; }
        public TaskState State { get; set; }
    }

    // Round-robin over the runnable tasks, preempting user mode on timer ticks;
    // the boot thread becomes the idle task that halts until an interrupt.
    public static class Scheduler
    {
        private static Task[] s_tasks = new Task[16];
        private static int s_count;
        private static Task? s_idle;
        private static int s_ticksLeft;
        private const int TimeSliceTicks = 2;

        public static Task? Current { get; private set; }

        // Tasks that exist (running, runnable or asleep).
        public static int TaskCount => s_count;

        // Runs `first` and never returns: the caller's thread becomes the idle task.
        public static void Start(Task first)
        {
            Platform platform = KernelHost.Platform;
            s_idle = new Task(null, platform.BootContext());
            Current = s_idle;
            Add(first);
            Schedule();
            while (true)
            {
                platform.WaitForInterrupt();
                if (HasRunnable()) Schedule();
            }
        }

        public static void Add(Task task)
        {
            if (s_count == s_tasks.Length) Array.Resize(ref s_tasks, s_count * 2);
            s_tasks[s_count++] = task;
        }

        private static bool HasRunnable()
        {
            for (int i = 0; i < s_count; i++) if (s_tasks[i].State == TaskState.Runnable) return true;
            return false;
        }

        // Switches to the next runnable task after the current one (or idle).
        public static void Schedule()
        {
            Task current = Current!;
            int start = 0;
            for (int i = 0; i < s_count; i++) if (s_tasks[i] == current) start = i + 1;
            Task? next = null;
            for (int n = 0; n < s_count; n++)
            {
                Task candidate = s_tasks[(start + n) % s_count];
                if (candidate.State == TaskState.Runnable) { next = candidate; break; }
            }
            next ??= current.State == TaskState.Runnable && current != s_idle ? current : s_idle!;
            s_ticksLeft = TimeSliceTicks;
            if (next == current) return;
            Switches++;
            Current = next;
            UserProcess.Current = next.Process;
            KernelHost.Platform.Switch(current.Context, next.Context, next.Process?.AddressSpaceRoot ?? 0);
        }

        // The current task waits until Wake; other tasks run meanwhile.
        public static void Block()
        {
            Current!.State = TaskState.Sleeping;
            Schedule();
        }

        public static void Wake(Task task)
        {
            if (task.State == TaskState.Sleeping) task.State = TaskState.Runnable;
        }

        // The current task is finished: it leaves the run list and never runs again.
        public static void Exit()
        {
            Task current = Current!;
            current.State = TaskState.Dead;
            for (int i = 0; i < s_count; i++)
            {
                if (s_tasks[i] != current) continue;
                Array.Copy(s_tasks, i + 1, s_tasks, i, s_count - i - 1);
                s_count--;
                break;
            }
            Schedule();
        }

        // Every timer tick: the whole tick goes to the process that was running,
        // as user time if the tick interrupted user mode. The idle task is nobody's.
        public static void ChargeTick(bool userMode)
        {
            LoadAverage.Tick();
            UserProcess? process = Current?.Process;
            if (process is null)
            {
                IdleTicks++;
                return;
            }
            if (userMode) UserTicks++;
            else SystemTicks++;
            ulong tick = 1000000000UL / (ulong)KernelHost.Platform.TimerHz;
            if (userMode) process.Cpu.User += tick;
            else process.Cpu.System += tick;
            Itimers.Charge(process, tick, userMode);
        }

        // System-wide CPU ticks (/proc/stat) and task switches.
        public static ulong UserTicks { get; private set; }
        public static ulong SystemTicks { get; private set; }
        public static ulong IdleTicks { get; private set; }
        public static ulong Switches { get; private set; }

        // Tasks that want the CPU (the load average counts them).
        public static int RunnableCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < s_count; i++) if (s_tasks[i].State == TaskState.Runnable) n++;
                return n;
            }
        }

        // The timer, from user mode: take turns.
        public static void Tick()
        {
            if (Current is null || Current == s_idle || --s_ticksLeft > 0) return;
            Schedule();
        }
    }
}
