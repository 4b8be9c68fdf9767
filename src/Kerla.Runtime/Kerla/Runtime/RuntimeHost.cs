using System;
using System.Runtime;

namespace Kerla.Runtime
{
    // What the runtime needs from the kernel it runs in: a way to stop with a
    // reason. The kernel installs its panic path once module initialisation is done.
    public abstract class RuntimeHost
    {
        private static bool s_installed;

        // Never returns.
        public abstract void Panic(string reason, object? exception);

        public static void Install(RuntimeHost host)
        {
            Holder.Host = host;
            s_installed = true;
        }

        public static void FailFast(string reason)
        {
            if (s_installed) Holder.Host!.Panic(reason, null);
            // Too early to print anything: spin where a debugger can find us.
            while (true) { }
        }

        [RuntimeExport("RhpThrowEx")]
        private static void ThrowException(object exception)
        {
            if (s_installed) Holder.Host!.Panic("unhandled exception", exception);
            while (true) { }
        }

        [RuntimeExport("RhpRethrow")]
        private static void Rethrow() => FailFast("rethrow outside a catch");

        [RuntimeExport("RhpFallbackFailFast")]
        private static void FallbackFailFast() => FailFast("runtime fail-fast");

        private static class Holder
        {
            internal static RuntimeHost? Host;
        }
    }
}
