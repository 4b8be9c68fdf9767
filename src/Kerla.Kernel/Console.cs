using System;

namespace Kerla.Kernel
{
    // The boot console, for bytes that programs write. A terminal expects CR LF:
    // LF becomes CR LF on the way out, as the tty's default ONLCR does.
    public static class Console
    {
        public static void Write(ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes) WriteByte(b);
        }

        public static void WriteByte(byte b)
        {
            Platform platform = KernelHost.Platform;
            if (b == (byte)'\n') platform.ConsoleWrite('\r');
            platform.ConsoleWrite((char)b);
        }

        // Bytes typed on the console (the serial port's receive interrupt).
        public static void Input(byte b) => Tty.LineDiscipline.Console.Input(b);
    }
}
