using Kerla.Runtime;

namespace Kerla.Kernel
{
    // The end of the line: print why, where (a symbolized backtrace), then stop.
    // In test mode the emulator exits with a failure status so a test sees it.
    public static class Panic
    {
        public const int ExitStatus = 0x7f;
        private static bool s_panicking;
        private static Platform? s_platform;

        internal static void Attach(Platform platform) => s_platform = platform;

        public static void Now(string reason) => Now(reason, backtrace: true);

        // `backtrace: false` when the caller already printed where (a CPU exception).
        public static void Now(string reason, bool backtrace)
        {
            Platform? platform = s_platform;
            if (s_panicking)
            {
                // A panic while panicking: say so and stop without more work.
                Log.WriteRaw("\nkernel panic inside panic\n");
                platform?.Halt();
                while (true) { }
            }
            s_panicking = true;
            Log.WriteRaw("\nKernel panic: ");
            Log.WriteRaw(reason);
            Log.WriteRaw("\n");
            if (platform is not null)
            {
                if (backtrace) platform.PrintBacktrace();
                platform.PowerOff(ExitStatus);
                platform.Halt();
            }
            while (true) { }
        }

        // ilc names a type's MethodTable like a C++ vtable, "_ZTV<length><name>",
        // the name being the assembly and the type joined by underscores.
        internal static string TypeNameOf(string symbol)
        {
            if (!symbol.StartsWith("_ZTV")) return symbol;
            int i = 4;
            while (i < symbol.Length && char.IsDigit(symbol[i])) i++;
            return symbol.Substring(i);
        }

        // The runtime's way in: `throw`, failed casts, out of memory.
        internal sealed class RuntimePanicHost : RuntimeHost
        {
            public override void Panic(string reason, object? exception)
            {
                if (exception is null)
                {
                    Now(reason);
                    return;
                }
                string type = "exception";
                if (s_platform is not null)
                {
                    // The exception's MethodTable symbol names its type.
                    string? symbol = s_platform.SymbolAt(ObjectAllocator.TypeHandleOf(exception), out nuint offset);
                    if (symbol is not null && offset == 0) type = TypeNameOf(symbol);
                }
                string message = exception is System.Exception e ? e.Message : "";
                Now(string.Concat(reason, ": ", type, ": ", message));
            }
        }
    }
}
