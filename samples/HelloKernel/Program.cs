using Kerla.Kernel;

// A kernel image composed from the Kerla packages. Kerla.Arch.X64 boots the
// machine and calls Main; Run finishes booting and starts init.
static class Program
{
    static void Main() => KernelHost.Run("HelloKernel");
}
