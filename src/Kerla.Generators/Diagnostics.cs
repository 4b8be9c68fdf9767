using Microsoft.CodeAnalysis;

namespace Kerla.Generators
{
    // Every diagnostic the Kerla analyzers report (docs/generators.md lists them
    // with examples).
    internal static class Diagnostics
    {
        private const string Category = "Kerla.Syscalls";

        public static readonly DiagnosticDescriptor DuplicateSyscall = new(
            "KERLA1001", "Two handlers for one syscall",
            "Syscall '{0}' ({1}) already has a handler: {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor NotASyscall = new(
            "KERLA1002", "Not an x86_64 Linux syscall",
            "{0} is not an x86_64 Linux syscall number: name a member of SyscallNumber", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnsupportedParameter = new(
            "KERLA1003", "Unsupported syscall parameter type",
            "Parameter '{0}' of syscall handler '{1}' has type '{2}': a handler takes integers, enums, bool, Fd or UserPtr<T>, passed by value", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor TooManyParameters = new(
            "KERLA1004", "More than six syscall parameters",
            "Syscall handler '{0}' has {1} parameters: x86_64 passes at most six (rdi, rsi, rdx, r10, r8, r9)", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor WrongReturnType = new(
            "KERLA1005", "Wrong syscall return type",
            "Syscall handler '{0}' returns '{1}': return SyscallResult (a value or an Errno), long, int, nint or nuint", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NotStatic = new(
            "KERLA1006", "Syscall handler is not a static method",
            "Syscall handler '{0}' must be a static, non-generic method", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor BadTraceLength = new(
            "KERLA1007", "TraceBuffer names no integer parameter",
            "[TraceBuffer(\"{0}\")] on '{1}' must name an integer parameter of the same handler", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor BadLinuxStruct = new(
            "KERLA1101", "Linux struct cannot be laid out",
            "[LinuxStruct] {0}: {1}", "Kerla.Abi", DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
