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

namespace Kerla.Kernel.Abi
{
    // TIOCGSERIAL's answer.
    [LinuxStruct("serial_struct", "linux/serial.h")]
    [Field("type", "int")]
    [Field("line", "int")]
    [Field("port", "unsigned int")]
    [Field("irq", "int")]
    [Field("flags", "int")]
    [Field("xmit_fifo_size", "int")]
    [Field("custom_divisor", "int")]
    [Field("baud_base", "int")]
    [Field("close_delay", "unsigned short")]
    [Field("io_type", "char")]
    [Field("reserved_char", "char[1]")]
    [Field("hub6", "int")]
    [Field("closing_wait", "unsigned short")]
    [Field("closing_wait2", "unsigned short")]
    [Field("iomem_base", "void *")]
    [Field("iomem_reg_shift", "unsigned short")]
    [Field("port_high", "unsigned int")]
    [Field("iomap_base", "unsigned long")]
    public readonly ref partial struct SerialStruct { }
}
