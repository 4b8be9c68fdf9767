using Kerla.Kernel.Memory;

namespace Kerla.Kernel.Boot
{
    // What the boot loader told us: how we were booted, the physical memory map,
    // the command line and the modules (an initramfs, later).
    public sealed class BootInfo
    {
        public BootInfo(string protocol, MemoryRegion[] memoryMap, string commandLine, BootModule[] modules)
        {
            Protocol = protocol;
            MemoryMap = memoryMap;
            CommandLine = commandLine;
            Modules = modules;
        }

        public string Protocol { get; }
        public MemoryRegion[] MemoryMap { get; }
        public string CommandLine { get; }
        public BootModule[] Modules { get; }
    }

    public readonly struct BootModule
    {
        public BootModule(ulong physicalAddress, ulong size, string commandLine)
        {
            PhysicalAddress = physicalAddress;
            Size = size;
            CommandLine = commandLine;
        }

        public ulong PhysicalAddress { get; }
        public ulong Size { get; }
        public string CommandLine { get; }
    }
}
