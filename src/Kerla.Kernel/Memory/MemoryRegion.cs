namespace Kerla.Kernel.Memory
{
    // Region types as the e820 BIOS map, PVH and multiboot2 all number them.
    public enum MemoryType : uint
    {
        Usable = 1,
        Reserved = 2,
        AcpiReclaimable = 3,
        AcpiNvs = 4,
        Bad = 5,
    }

    public readonly struct MemoryRegion
    {
        public MemoryRegion(ulong start, ulong length, MemoryType type)
        {
            Start = start;
            Length = length;
            Type = type;
        }

        public ulong Start { get; }
        public ulong Length { get; }
        public ulong End => Start + Length;
        public MemoryType Type { get; }

        public static string TypeName(MemoryType type) => type switch
        {
            MemoryType.Usable => "usable",
            MemoryType.Reserved => "reserved",
            MemoryType.AcpiReclaimable => "ACPI data",
            MemoryType.AcpiNvs => "ACPI NVS",
            MemoryType.Bad => "unusable",
            _ => "type " + ((uint)type).ToString(),
        };
    }
}
