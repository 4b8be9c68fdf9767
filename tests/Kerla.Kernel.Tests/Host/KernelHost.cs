namespace Kerla.Kernel;

// Host stand-in for src/Kerla.Kernel/KernelHost.cs (which boots the machine and
// reaches the whole kernel): only the members the compiled Fs sources use.
public static class KernelHost
{
    // The machine: a FakePlatform in the tests.
    public static Platform Platform { get; set; } = null!;

    // File times come from here: a clock the tests set and advance.
    public static ulong RealTimeNanoseconds { get; set; }
}
