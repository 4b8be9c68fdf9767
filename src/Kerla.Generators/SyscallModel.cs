using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kerla.Generators
{
    internal enum ParameterKind { Signed, Unsigned, Bool, Enum, Fd, UserPtr }

    // What the generator needs of one parameter: strings and numbers only, so the
    // model holds no symbol and compares by value.
    internal sealed record ParameterModel(string Name, ParameterKind Kind, string TypeName, string EnumUnderlyingType, char Trace, int TraceLength);

    internal sealed record SyscallModel(
        string ContainingType, string Method, int Number, string MemberName, string LinuxName,
        EquatableArray<ParameterModel> Parameters, string ReturnConversion)
    {
        // One pair of characters per parameter for the kernel's tracer: the format
        // (d signed, u unsigned, x flags, p pointer, s string, b buffer) and the
        // index of the length parameter for a buffer ('-' otherwise).
        public string TraceFormat => string.Concat(Parameters.Select(p => p.Trace.ToString() + (p.TraceLength < 0 ? "-" : p.TraceLength.ToString())));
    }

    // Reads a [Syscall] method into a model, or into the diagnostics that say why
    // it cannot be one. The analyzer reports the diagnostics; the generator skips
    // such methods.
    internal static class SyscallReader
    {
        public static SyscallModel? Read(IMethodSymbol method, AttributeData attribute, List<Diagnostic>? diagnostics)
        {
            Location location = method.Locations.FirstOrDefault() ?? Location.None;
            bool ok = true;
            void Report(DiagnosticDescriptor descriptor, params object[] args)
            {
                ok = false;
                diagnostics?.Add(Diagnostic.Create(descriptor, location, args));
            }

            string display = method.ContainingType.Name + "." + method.Name;
            if (!method.IsStatic || method.IsGenericMethod) Report(Diagnostics.NotStatic, display);

            int number = -1;
            string member = "";
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value)
            {
                number = value;
                if (attribute.ConstructorArguments[0].Type is INamedTypeSymbol numbers)
                {
                    IFieldSymbol? field = numbers.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is int v && v == value);
                    if (field is null) Report(Diagnostics.NotASyscall, value);
                    else member = field.Name;
                }
            }
            else Report(Diagnostics.NotASyscall, attribute.ConstructorArguments.FirstOrDefault().Value ?? "?");

            if (method.Parameters.Length > 6) Report(Diagnostics.TooManyParameters, display, method.Parameters.Length);

            string? conversion = ReturnConversion(method.ReturnType);
            if (conversion is null) Report(Diagnostics.WrongReturnType, display, method.ReturnType.ToDisplayString());

            var parameters = new List<ParameterModel>();
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                ParameterModel? model = ReadParameter(parameter, method, display, Report);
                if (model is not null) parameters.Add(model);
            }
            if (!ok) return null;
            return new SyscallModel(
                method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), method.Name, number, member,
                KnownNames.LinuxName(member), EquatableArray.From(parameters), conversion!);
        }

        private delegate void Reporter(DiagnosticDescriptor descriptor, params object[] args);

        private static ParameterModel? ReadParameter(IParameterSymbol parameter, IMethodSymbol method, string display, Reporter report)
        {
            ITypeSymbol type = parameter.Type;
            string typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            ParameterKind? kind = parameter.RefKind != RefKind.None ? null : Classify(type);
            if (kind is null)
            {
                report(Diagnostics.UnsupportedParameter, parameter.Name, display, type.ToDisplayString());
                return null;
            }

            string underlying = type is INamedTypeSymbol { EnumUnderlyingType: { } u } ? u.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : "";
            char trace = kind switch
            {
                ParameterKind.Signed => 'd',
                ParameterKind.Fd => 'd',
                ParameterKind.Enum => type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute") ? 'x' : 'd',
                ParameterKind.UserPtr => 'p',
                _ => 'u',
            };
            int length = -1;
            foreach (AttributeData a in parameter.GetAttributes())
            {
                string? name = a.AttributeClass?.ToDisplayString();
                if (name == KnownNames.TraceStringAttribute) trace = 's';
                if (name == KnownNames.TraceBufferAttribute)
                {
                    trace = 'b';
                    string? lengthName = a.ConstructorArguments.FirstOrDefault().Value as string;
                    IParameterSymbol? lengthParameter = method.Parameters.FirstOrDefault(p => p.Name == lengthName);
                    if (lengthParameter is null || Classify(lengthParameter.Type) is not (ParameterKind.Signed or ParameterKind.Unsigned))
                        report(Diagnostics.BadTraceLength, lengthName ?? "", display);
                    else length = lengthParameter.Ordinal;
                }
            }
            return new ParameterModel(parameter.Name, kind.Value, typeName, underlying, trace, length);
        }

        private static ParameterKind? Classify(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_SByte: case SpecialType.System_Int16: case SpecialType.System_Int32:
                case SpecialType.System_Int64: case SpecialType.System_IntPtr:
                    return ParameterKind.Signed;
                case SpecialType.System_Byte: case SpecialType.System_UInt16: case SpecialType.System_UInt32:
                case SpecialType.System_UInt64: case SpecialType.System_UIntPtr:
                    return ParameterKind.Unsigned;
                case SpecialType.System_Boolean:
                    return ParameterKind.Bool;
            }
            if (type.TypeKind == TypeKind.Enum) return ParameterKind.Enum;
            if (type is INamedTypeSymbol named)
            {
                string name = MetadataName(named.OriginalDefinition);
                if (name == KnownNames.Fd) return ParameterKind.Fd;
                if (name == KnownNames.UserPtr) return ParameterKind.UserPtr;
            }
            return null;
        }

        private static string? ReturnConversion(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && MetadataName(named) == KnownNames.SyscallResult) return ".Raw";
            return type.SpecialType switch
            {
                SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_IntPtr => "",
                SpecialType.System_UIntPtr => "",
                _ => null,
            };
        }

        private static string MetadataName(INamedTypeSymbol type) =>
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
    }
}
