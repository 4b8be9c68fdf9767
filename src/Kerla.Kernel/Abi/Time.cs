namespace Kerla.Kernel.Abi
{
    // struct timespec: seconds and nanoseconds (64-bit time on x86_64).
    [LinuxStruct("timespec", "time.h")]
    [Field("tv_sec", "long")]
    [Field("tv_nsec", "long")]
    public readonly ref partial struct Timespec { }

    [LinuxStruct("timeval", "sys/time.h")]
    [Field("tv_sec", "long")]
    [Field("tv_usec", "long")]
    public readonly ref partial struct Timeval { }

    // setitimer(2), getitimer(2).
    [LinuxStruct("itimerval", "sys/time.h")]
    [Field("it_interval", "struct timeval")]
    [Field("it_value", "struct timeval")]
    public readonly ref partial struct Itimerval { }

    // times(2): clock ticks.
    [LinuxStruct("tms", "linux/times.h")]
    [Field("tms_utime", "long")]
    [Field("tms_stime", "long")]
    [Field("tms_cutime", "long")]
    [Field("tms_cstime", "long")]
    public readonly ref partial struct Tms { }
}
