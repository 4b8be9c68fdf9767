using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Drivers
{
    // The PC's battery-backed clock (MC146818): read once at boot for
    // CLOCK_REALTIME. QEMU keeps it in UTC.
    internal static class CmosRtc
    {
        private const ushort Index = 0x70, Data = 0x71;

        private static byte Read(byte register)
        {
            Native.OutB(Index, register);
            return Native.InB(Data);
        }

        private static bool Updating() => (Read(0x0a) & 0x80) != 0;

        internal static ulong SecondsSinceEpoch()
        {
            // Read twice until two reads agree, outside an update.
            ulong previous = ~0UL, now;
            int tries = 0;
            do
            {
                while (Updating() && tries++ < 100000) Native.Pause();
                now = ReadOnce();
                if (now == previous) break;
                previous = now;
            } while (tries++ < 10);
            return now;
        }

        private static ulong ReadOnce()
        {
            byte status = Read(0x0b);
            bool binary = (status & 0x04) != 0, hours24 = (status & 0x02) != 0;
            int second = Decode(Read(0x00), binary), minute = Decode(Read(0x02), binary);
            byte rawHour = Read(0x04);
            int hour = Decode((byte)(rawHour & 0x7f), binary);
            if (!hours24 && (rawHour & 0x80) != 0) hour = (hour % 12) + 12;
            else if (!hours24 && hour == 12) hour = 0;
            int day = Decode(Read(0x07), binary), month = Decode(Read(0x08), binary), year = Decode(Read(0x09), binary) + 2000;
            return DaysSinceEpoch(year, month, day) * 86400UL + (ulong)(hour * 3600 + minute * 60 + second);
        }

        private static int Decode(byte value, bool binary) => binary ? value : (value & 0x0f) + (value >> 4) * 10;

        // Days from 1970-01-01 to the date (proleptic Gregorian).
        private static ulong DaysSinceEpoch(int year, int month, int day)
        {
            int y = month <= 2 ? year - 1 : year;
            int era = y / 400;
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return (ulong)(era * 146097 + dayOfEra - 719468);
        }
    }
}
