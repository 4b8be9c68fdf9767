using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Drivers
{
    // The PC serial port (COM1, a 16550 UART): the boot console. 115200 8N1,
    // polled transmit.
    internal static class Serial16550
    {
        private const ushort Com1 = 0x3f8;
        private const ushort Data = 0, InterruptEnable = 1, FifoControl = 2, LineControl = 3, ModemControl = 4, LineStatus = 5;
        private const byte TransmitEmpty = 0x20;

        internal static void Init()
        {
            Native.OutB(Com1 + InterruptEnable, 0x00);
            Native.OutB(Com1 + LineControl, 0x80);       // divisor latch
            Native.OutB(Com1 + Data, 0x01);              // 115200 baud
            Native.OutB(Com1 + InterruptEnable, 0x00);
            Native.OutB(Com1 + LineControl, 0x03);       // 8 bits, no parity, one stop bit
            Native.OutB(Com1 + FifoControl, 0xc7);       // FIFOs on and cleared
            Native.OutB(Com1 + ModemControl, 0x03);      // DTR, RTS
        }

        internal const int Irq = 4;
        private const byte DataReady = 0x01;

        // Interrupts for received bytes (OUT2 connects the UART to the PIC).
        internal static void EnableReceiveInterrupt()
        {
            Native.OutB(Com1 + ModemControl, 0x0b);      // DTR, RTS, OUT2
            Native.OutB(Com1 + InterruptEnable, 0x01);   // data available
        }

        // Every byte waiting in the receive FIFO, or -1.
        internal static int ReadByte() => (Native.InB(Com1 + LineStatus) & DataReady) != 0 ? Native.InB(Com1 + Data) : -1;

        internal static void Write(byte value)
        {
            int spins = 0;
            while ((Native.InB(Com1 + LineStatus) & TransmitEmpty) == 0 && spins++ < 100000) Native.Pause();
            Native.OutB(Com1 + Data, value);
        }
    }
}
