namespace Kerla.Kernel.Abi
{
    [LinuxStruct("in_addr", "linux/in.h")]
    [Field("s_addr", "__be32")]
    public readonly ref partial struct InAddr { }

    [LinuxStruct("sockaddr_in", "linux/in.h")]
    [Field("sin_family", "unsigned short")]
    [Field("sin_port", "__be16")]
    [Field("sin_addr", "struct in_addr")]
    [Field("__pad", "unsigned char[8]")]
    public readonly ref partial struct SockaddrIn { }

    [LinuxStruct("in6_addr", "linux/in6.h")]
    [Field("s6_addr", "__u8[16]")]
    public readonly ref partial struct In6Addr { }

    [LinuxStruct("sockaddr_in6", "linux/in6.h")]
    [Field("sin6_family", "unsigned short")]
    [Field("sin6_port", "__be16")]
    [Field("sin6_flowinfo", "__be32")]
    [Field("sin6_addr", "struct in6_addr")]
    [Field("sin6_scope_id", "__u32")]
    public readonly ref partial struct SockaddrIn6 { }

    [LinuxStruct("sockaddr_un", "linux/un.h")]
    [Field("sun_family", "unsigned short")]
    [Field("sun_path", "char[108]")]
    public readonly ref partial struct SockaddrUn { }
}
