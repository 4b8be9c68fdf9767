using System;

namespace Kerla.Kernel.Abi
{
    // Declares a Linux UAPI struct once: [Field]s in C order with their C types
    // (or explicit offsets, for unions). Kerla.Generators lays it out by the
    // x86_64 C rules and emits Size, Layout offsets and Span<byte> accessors; the
    // ABI tests compile the same list against the real header (docs/generators.md).
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class LinuxStructAttribute : Attribute
    {
        public LinuxStructAttribute(string cName, string header)
        {
            CName = cName;
            Header = header;
        }

        public string CName { get; }
        public string Header { get; }

        // The size when it is not the fields' (unions, reserved space).
        public int Size { get; set; }

        // The last field is a flexible array: only its offset is checked.
        public bool Flexible { get; set; }

        // Lines the ABI test puts before the #include (feature macros).
        public string? Prelude { get; set; }
    }

    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = true)]
    public sealed class FieldAttribute : Attribute
    {
        public FieldAttribute(string name, string cType)
        {
            Name = name;
            CType = cType;
        }

        public string Name { get; }
        public string CType { get; }

        // An explicit offset (a union member); -1 lays the field out after the previous one.
        public int Offset { get; set; } = -1;
    }
}
