using System;

namespace Kerla.Kernel.Syscalls
{
    // Marks a syscall handler: a static method with typed parameters (integers,
    // enums, bool, Fd, UserPtr<T>) returning SyscallResult. Kerla.Generators
    // decodes the registers and registers it in SyscallTable (docs/generators.md).
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SyscallAttribute : Attribute
    {
        public SyscallAttribute(SyscallNumber number) { Number = number; }
        public SyscallNumber Number { get; }
    }

    // The tracer prints this pointer as a NUL-terminated string ("/etc/passwd").
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TraceStringAttribute : Attribute { }

    // The tracer prints this pointer as a buffer whose length is another parameter.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TraceBufferAttribute : Attribute
    {
        public TraceBufferAttribute(string lengthParameter) { LengthParameter = lengthParameter; }
        public string LengthParameter { get; }
    }

    // The enum Kerla.Generators turns into ErrnoInfo.Name and ErrnoInfo.Message.
    [AttributeUsage(AttributeTargets.Enum)]
    public sealed class ErrnoTableAttribute : Attribute { }
}

namespace Kerla.Kernel.Syscalls
{
    // The enum Kerla.Generators turns into SyscallNames.Of(number).
    [System.AttributeUsage(System.AttributeTargets.Enum)]
    public sealed class SyscallNameTableAttribute : System.Attribute { }
}
