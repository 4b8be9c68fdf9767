using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Tty
{
    // The console's line discipline (termios(3)). In canonical mode (ICANON)
    // input is edited a line at a time (erase, kill, EOF) and given to readers
    // when the line ends; otherwise each byte is given as it comes. ECHO and
    // ICRNL as the termios says; with ISIG the INTR, QUIT and SUSP characters
    // (^C, ^\, ^Z) signal the foreground process group of the session the
    // terminal controls. Input runs in the serial interrupt: no allocation, no
    // blocking.
    public sealed class LineDiscipline
    {
        private const int LineMax = 4095; // N_TTY_BUF_SIZE - 1
        private const byte Erase = 0x7f, Backspace = 0x08, Kill = 0x15, Eof = 0x04;

        private readonly byte[] _line = new byte[LineMax];
        private int _lineLength;
        private readonly byte[] _ready = new byte[LineMax + 1];
        private int _readyStart, _readyLength;
        private int _eofs;
        private readonly WaitQueue _readers = new WaitQueue();
        private readonly Action<byte> _echo;

        // struct termios as TCGETS copies it, with Linux's defaults for a console.
        private readonly byte[] _termios = new byte[Abi.Termios.Size];
        private const uint ICRNL = 0x100, ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, NOFLSH = 0x80;
        private const int VINTR = 0, VQUIT = 1, VSUSP = 10;

        // Job control: the session this terminal controls (0: none) and its
        // foreground process group; the window size TIOCSWINSZ set.
        public int Session { get; set; }
        public int ForegroundGroup { get; set; }
        public ushort Rows { get; set; } = 24;
        public ushort Columns { get; set; } = 80;

        // Bytes a read would return now (FIONREAD).
        public int Available => _readyLength;

        public LineDiscipline(Action<byte> echo)
        {
            _echo = echo;
            var t = new Abi.Termios(_termios);
            t.c_iflag = 0x500;   // ICRNL | IXON
            t.c_oflag = 0x5;     // OPOST | ONLCR
            t.c_cflag = 0xbf;    // B38400 | CS8 | CREAD | HUPCL
            t.c_lflag = 0x8a3b;  // ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN
            ReadOnlySpan<byte> cc = stackalloc byte[] { 3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0 };
            cc.CopyTo(t.c_cc);
        }

        public ReadOnlySpan<byte> Termios => _termios;

        // Something a read would return without waiting.
        public bool HasInput => _readyLength > 0 || _eofs > 0;

        // TCSETS: a new termios. Leaving canonical mode hands over the line being typed.
        public void SetTermios(ReadOnlySpan<byte> termios, bool flushInput)
        {
            termios.Slice(0, _termios.Length).CopyTo(_termios);
            if (flushInput)
            {
                _lineLength = 0;
                _readyLength = 0;
            }
            if (!Canonical && _lineLength > 0) Commit(false);
        }

        private bool Canonical => (new Abi.Termios(_termios).c_lflag & ICANON) != 0;
        private bool Echo => (new Abi.Termios(_termios).c_lflag & ECHO) != 0;

        private void EchoByte(byte b)
        {
            if (Echo) _echo(b);
        }

        public static LineDiscipline Console { get; } = new LineDiscipline(b => Kerla.Kernel.Console.WriteByte(b));

        // A byte typed on the terminal.
        public void Input(byte b)
        {
            var termios = new Abi.Termios(_termios);
            if (b == (byte)'\r' && (termios.c_iflag & ICRNL) != 0) b = (byte)'\n';
            if ((termios.c_lflag & ISIG) != 0 && b != 0)
            {
                Span<byte> cc = termios.c_cc;
                int signal = b == cc[VINTR] ? Signals.SIGINT : b == cc[VQUIT] ? Signals.SIGQUIT : b == cc[VSUSP] ? Signals.SIGTSTP : 0;
                if (signal != 0)
                {
                    if ((termios.c_lflag & NOFLSH) == 0)
                    {
                        _lineLength = 0;
                        _readyLength = 0;
                    }
                    EchoByte((byte)'^');
                    EchoByte((byte)(b + 0x40));
                    SignalForeground(signal);
                    return;
                }
            }
            if (!Canonical)
            {
                if (_readyLength < _ready.Length) Push(b);
                EchoByte(b);
                _readers.WakeAll();
                Fs.ConsoleInode.Instance.Notify(input: true, output: false);
                return;
            }
            switch (b)
            {
                case Erase:
                case Backspace:
                    if (_lineLength == 0) return;
                    _lineLength--;
                    EchoString("\b \b");
                    return;
                case Kill:
                    while (_lineLength > 0) { _lineLength--; EchoString("\b \b"); }
                    return;
                case Eof:
                    // At the start of a line: end of file for one read; otherwise the line so far.
                    if (_lineLength == 0) _eofs++;
                    Commit(false);
                    return;
                case (byte)'\n':
                    EchoByte((byte)'\n');
                    Commit(true);
                    return;
                default:
                    if (_lineLength == LineMax) return;
                    _line[_lineLength++] = b;
                    if (b < 0x20 && b != (byte)'\t') { EchoByte((byte)'^'); EchoByte((byte)(b + 0x40)); }
                    else EchoByte(b);
                    return;
            }
        }

        // A signal for every process of the foreground group (none without a session).
        public void SignalForeground(int signal)
        {
            if (Session == 0 || ForegroundGroup == 0) return;
            Signals.SendToGroup(ForegroundGroup, signal);
        }

        // The session leader is gone (exit, TIOCNOTTY): its foreground group gets
        // SIGHUP and SIGCONT, and the terminal is free for another session.
        public void Hangup()
        {
            SignalForeground(Signals.SIGHUP);
            SignalForeground(Signals.SIGCONT);
            Session = ForegroundGroup = 0;
        }

        private void Commit(bool newline)
        {
            for (int i = 0; i < _lineLength && _readyLength < _ready.Length; i++) Push(_line[i]);
            if (newline && _readyLength < _ready.Length) Push((byte)'\n');
            _lineLength = 0;
            _readers.WakeAll();
            Fs.ConsoleInode.Instance.Notify(input: true, output: false);
        }

        private void Push(byte b)
        {
            _ready[(_readyStart + _readyLength) % _ready.Length] = b;
            _readyLength++;
        }

        private void EchoString(string text)
        {
            for (int i = 0; i < text.Length; i++) EchoByte((byte)text[i]);
        }

        // read(2) on the terminal: waits for a complete line, returns at most one.
        public long Read(Span<byte> destination)
        {
            // A background job of the session reading its terminal stops with
            // SIGTTIN (EIO if it ignores or blocks that), as job control needs.
            UserProcess? reader = UserProcess.Current;
            if (reader is not null && reader.HasControllingTty && reader.Sid == Session && Session != 0 && reader.Pgid != ForegroundGroup)
            {
                if (reader.Actions.Handler[Signals.SIGTTIN] == Signals.SIG_IGN || (reader.BlockedSignals & Signals.Bit(Signals.SIGTTIN)) != 0)
                    return -(long)Syscalls.Errno.EIO;
                Signals.SendToGroup(reader.Pgid, Signals.SIGTTIN);
                return Signals.ERESTARTSYS;
            }
            while (_readyLength == 0)
            {
                if (_eofs > 0)
                {
                    _eofs--;
                    return 0;
                }
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                _readers.Wait();
            }
            int count = 0;
            while (count < destination.Length && _readyLength > 0)
            {
                byte b = _ready[_readyStart];
                _readyStart = (_readyStart + 1) % _ready.Length;
                _readyLength--;
                destination[count++] = b;
                if (b == (byte)'\n' && Canonical) break;
            }
            return count;
        }
    }
}
