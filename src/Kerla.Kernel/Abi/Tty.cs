namespace Kerla.Kernel.Abi
{
    // The kernel's struct termios, as TCGETS and TCSETS copy it (NCCS = 19).
    [LinuxStruct("termios", "asm/termbits.h")]
    [Field("c_iflag", "unsigned int")]
    [Field("c_oflag", "unsigned int")]
    [Field("c_cflag", "unsigned int")]
    [Field("c_lflag", "unsigned int")]
    [Field("c_line", "unsigned char")]
    [Field("c_cc", "unsigned char[19]")]
    public readonly ref partial struct Termios { }

    // TIOCGWINSZ, TIOCSWINSZ.
    [LinuxStruct("winsize", "asm/termios.h")]
    [Field("ws_row", "unsigned short")]
    [Field("ws_col", "unsigned short")]
    [Field("ws_xpixel", "unsigned short")]
    [Field("ws_ypixel", "unsigned short")]
    public readonly ref partial struct Winsize { }
}
