using System;

namespace Kerla.Kernel.Fs
{
    // /dev/ttyS0, the serial console (character device 4:64): writes go out with
    // LF as CR LF.
    public sealed class ConsoleInode : Inode
    {
        public static readonly ConsoleInode Instance = new ConsoleInode();

        private ConsoleInode() : base(FileType.CharDevice, 0x1b0, 0, 5) { }

        public override long Size => 0;
        public override ulong Rdev => (4 << 8) | 64;
        public override ulong Dev => 5;

        public override long Write(long offset, ReadOnlySpan<byte> source)
        {
            Console.Write(source);
            return source.Length;
        }

        public override bool Pollable => true;
        public override string? LinkName => new string("/dev/console".AsSpan());
        public override int Poll(OpenFile file) => (Tty.LineDiscipline.Console.HasInput ? 1 : 0) | 4;

        // A line at a time, as the line discipline gives it.
        public override long Read(long offset, Span<byte> destination) => Tty.LineDiscipline.Console.Read(destination);
    }
}
