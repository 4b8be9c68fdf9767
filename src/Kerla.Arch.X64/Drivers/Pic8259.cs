using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Drivers
{
    // The two legacy 8259 interrupt controllers, moved from vectors 0-15 (where they
    // would collide with CPU exceptions) to 32-47.
    internal static class Pic8259
    {
        internal const int VectorBase = 32;
        private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xa0, SlaveData = 0xa1;
        private const byte EndOfInterrupt = 0x20;

        internal static void Init()
        {
            Native.OutB(MasterCommand, 0x11);   // ICW1: initialise, ICW4 follows
            Native.OutB(SlaveCommand, 0x11);
            Native.OutB(MasterData, VectorBase);
            Native.OutB(SlaveData, VectorBase + 8);
            Native.OutB(MasterData, 4);         // ICW3: slave on IRQ2
            Native.OutB(SlaveData, 2);
            Native.OutB(MasterData, 0x01);      // ICW4: 8086 mode
            Native.OutB(SlaveData, 0x01);
            Native.OutB(MasterData, 0xff);      // everything masked until asked for
            Native.OutB(SlaveData, 0xff);
        }

        internal static void Unmask(int irq)
        {
            ushort port = irq < 8 ? MasterData : SlaveData;
            byte mask = Native.InB(port);
            Native.OutB(port, (byte)(mask & ~(1 << (irq & 7))));
            if (irq >= 8) Unmask(2);
        }

        internal static void EndOfIrq(int irq)
        {
            if (irq >= 8) Native.OutB(SlaveCommand, EndOfInterrupt);
            Native.OutB(MasterCommand, EndOfInterrupt);
        }
    }
}
