using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Drivers
{
    // The 8254 programmable interval timer: channel 0 drives the periodic tick
    // (IRQ 0); channel 2, gated through port 0x61, measures the TSC frequency once.
    internal static class Pit8254
    {
        internal const uint InputHz = 1193182;
        private const ushort Channel0 = 0x40, Channel2 = 0x42, Command = 0x43, Gate = 0x61;

        internal static void StartPeriodic(int hz)
        {
            uint divisor = InputHz / (uint)hz;
            Native.OutB(Command, 0x34);          // channel 0, low then high byte, rate generator
            Native.OutB(Channel0, (byte)divisor);
            Native.OutB(Channel0, (byte)(divisor >> 8));
        }

        // TSC ticks per millisecond, measured over a 10 ms one-shot countdown.
        internal static ulong MeasureTscPerMillisecond()
        {
            const uint Milliseconds = 10;
            uint count = InputHz * Milliseconds / 1000;
            byte gate = Native.InB(Gate);
            Native.OutB(Gate, (byte)((gate & ~0x02) | 0x01)); // gate on, speaker off
            Native.OutB(Command, 0xb0);          // channel 2, low then high byte, one-shot
            Native.OutB(Channel2, (byte)count);
            Native.OutB(Channel2, (byte)(count >> 8));
            // Restart the count with a gate edge.
            gate = Native.InB(Gate);
            Native.OutB(Gate, (byte)(gate & ~0x01));
            Native.OutB(Gate, (byte)(gate | 0x01));
            ulong start = Native.Rdtsc();
            while ((Native.InB(Gate) & 0x20) == 0) Native.Pause();
            ulong perMs = (Native.Rdtsc() - start) / Milliseconds;
            return perMs == 0 ? 1 : perMs;
        }
    }
}
