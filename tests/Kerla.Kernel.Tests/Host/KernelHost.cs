namespace Kerla.Kernel;

// Host stand-in for src/Kerla.Kernel/KernelHost.cs (which boots the machine and
// reaches the whole kernel): only the members the compiled Fs sources use.
public static class KernelHost
{
    // The machine: a FakePlatform in the tests.
    public static Platform Platform { get; set; } = null!;

    // What tmpfs weighs its size limit against: 1 GiB of free memory (the fake
    // platform's frames are counted there, not here).
    public static Kerla.Kernel.Memory.PageAllocator Pages { get; } =
        new(new[] { new Kerla.Kernel.Memory.MemoryRegion(0x100000, 1UL << 30, Kerla.Kernel.Memory.MemoryType.Usable) });

    // File times come from here: a clock the tests set and advance.
    public static ulong RealTimeNanoseconds { get; set; }
}
