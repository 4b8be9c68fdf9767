using System;

namespace Kerla.Kernel.Syscalls
{
    public delegate long SyscallHandler(in SyscallArgs args);

    // The dispatch table, indexed by syscall number. Kerla.Generators fills it
    // from each assembly's module initializer; a number with no handler returns
    // -ENOSYS (and is logged once), never a fake success.
    public static class SyscallTable
    {
        public const int Size = 512;
        private static readonly SyscallHandler?[] s_handlers = new SyscallHandler?[Size];
        private static readonly string?[] s_names = new string?[Size];
        private static readonly string?[] s_formats = new string?[Size];
        private static readonly bool[] s_reported = new bool[Size];
        private static string? s_conflict;

        // Called from module initializers, before the console exists: records a
        // second handler for a number as a conflict that boot reports (Verify).
        public static void Register(int number, string name, string traceFormat, SyscallHandler handler)
        {
            if ((uint)number >= Size) return;
            if (s_handlers[number] is not null)
            {
                s_conflict = string.Concat("syscall ", name, " (", number.ToString(), ") has handlers in two assemblies");
                return;
            }
            s_handlers[number] = handler;
            s_names[number] = name;
            s_formats[number] = traceFormat;
        }

        // Stops boot if two packages registered the same syscall.
        public static void Verify()
        {
            if (s_conflict is not null) Panic.Now(s_conflict);
        }

        public static bool IsImplemented(int number) => (uint)number < Size && s_handlers[number] is not null;

        public static int Count
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Size; i++) if (s_handlers[i] is not null) count++;
                return count;
            }
        }

        public static string NameOf(int number) =>
            (uint)number < Size && s_names[number] is not null ? s_names[number]! : SyscallNames.Of(number);

        // The syscall entry calls this with rax and the argument registers.
        public static long Dispatch(long number, in SyscallArgs args)
        {
            SyscallHandler? handler = (ulong)number < Size ? s_handlers[number] : null;
            long result;
            if (handler is null)
            {
                if ((ulong)number < Size && !s_reported[number])
                {
                    s_reported[number] = true;
                    Log.Warning(string.Concat("syscall ", SyscallNames.Of((int)number), " (", number.ToString(), ") is not implemented: ENOSYS"));
                }
                result = -(long)Errno.ENOSYS;
            }
            else
            {
                result = handler(in args);
            }
            if (SyscallTrace.Enabled) SyscallTrace.Print(number, args, result, (ulong)number < Size ? s_formats[number] : null);
            return result;
        }
    }
}
