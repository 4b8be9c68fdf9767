namespace Kerla.Kernel.Abi
{
    // struct new_utsname for uname(2): six 65-byte strings.
    [LinuxStruct("new_utsname", "linux/utsname.h")]
    [Field("sysname", "char[65]")]
    [Field("nodename", "char[65]")]
    [Field("release", "char[65]")]
    [Field("version", "char[65]")]
    [Field("machine", "char[65]")]
    [Field("domainname", "char[65]")]
    public readonly ref partial struct NewUtsname { }

    // getrlimit(2), setrlimit(2), prlimit64(2).
    [LinuxStruct("rlimit", "linux/resource.h")]
    [Field("rlim_cur", "unsigned long")]
    [Field("rlim_max", "unsigned long")]
    public readonly ref partial struct Rlimit { }

    // getrusage(2), wait4(2).
    [LinuxStruct("rusage", "linux/resource.h")]
    [Field("ru_utime", "struct timeval")]
    [Field("ru_stime", "struct timeval")]
    [Field("ru_maxrss", "long")]
    [Field("ru_ixrss", "long")]
    [Field("ru_idrss", "long")]
    [Field("ru_isrss", "long")]
    [Field("ru_minflt", "long")]
    [Field("ru_majflt", "long")]
    [Field("ru_nswap", "long")]
    [Field("ru_inblock", "long")]
    [Field("ru_oublock", "long")]
    [Field("ru_msgsnd", "long")]
    [Field("ru_msgrcv", "long")]
    [Field("ru_nsignals", "long")]
    [Field("ru_nvcsw", "long")]
    [Field("ru_nivcsw", "long")]
    public readonly ref partial struct Rusage { }

    // sysinfo(2).
    [LinuxStruct("sysinfo", "linux/sysinfo.h")]
    [Field("uptime", "long")]
    [Field("loads", "unsigned long[3]")]
    [Field("totalram", "unsigned long")]
    [Field("freeram", "unsigned long")]
    [Field("sharedram", "unsigned long")]
    [Field("bufferram", "unsigned long")]
    [Field("totalswap", "unsigned long")]
    [Field("freeswap", "unsigned long")]
    [Field("procs", "__u16")]
    [Field("pad", "__u16")]
    [Field("totalhigh", "unsigned long")]
    [Field("freehigh", "unsigned long")]
    [Field("mem_unit", "__u32")]
    [Field("_f", "char[0]")]
    public readonly ref partial struct Sysinfo { }
}
