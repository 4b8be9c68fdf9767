namespace Kerla.Kernel.Abi
{
    // readv(2), writev(2).
    [LinuxStruct("iovec", "linux/uio.h")]
    [Field("iov_base", "void *")]
    [Field("iov_len", "size_t")]
    public readonly ref partial struct Iovec { }

    // poll(2), ppoll(2).
    [LinuxStruct("pollfd", "linux/poll.h")]
    [Field("fd", "int")]
    [Field("events", "short")]
    [Field("revents", "short")]
    public readonly ref partial struct Pollfd { }

    // epoll_ctl(2), epoll_wait(2): packed on x86_64 (EPOLL_PACKED), so data is at 4.
    [LinuxStruct("epoll_event", "linux/eventpoll.h", Size = 12)]
    [Field("events", "__u32")]
    [Field("data", "__u64", Offset = 4)]
    public readonly ref partial struct EpollEvent { }

    // fcntl(2) record locks: F_GETLK, F_SETLK, F_SETLKW and their F_OFD_ forms.
    [LinuxStruct("flock", "asm/fcntl.h")]
    [Field("l_type", "short")]
    [Field("l_whence", "short")]
    [Field("l_start", "long")]
    [Field("l_len", "long")]
    [Field("l_pid", "int")]
    public readonly ref partial struct StructFlock { }
}
