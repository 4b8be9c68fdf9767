using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Drivers
{
    internal static class PowerOff
    {
        private const ushort IsaDebugExit = 0xf4;

        // QEMU's isa-debug-exit device (present in test runs) ends the emulator with
        // exit code (status << 1) | 1. Without it, ACPI S5 through the PM1a control
        // port QEMU's PC machines use (0x604; 0xb004 on older ones).
        internal static void Now(int status)
        {
            Native.OutL(IsaDebugExit, (uint)status);
            Native.OutW(0x604, 0x2000);
            Native.OutW(0xb004, 0x2000);
        }
    }
}
