using System;

namespace Kerla.Kernel
{
    // The boot console, for bytes that programs write. A terminal expects CR LF:
    // LF becomes CR LF on the way out, as the tty's default ONLCR does.
    public static class Console
    {
        public static void Write(ReadOnlySpan<byte> bytes)
        {
            Platform platform = KernelHost.Platform;
            foreach (byte b in bytes)
            {
                if (b == (byte)'\n') platform.ConsoleWrite('\r');
                platform.ConsoleWrite((char)b);
            }
        }
    }
}
