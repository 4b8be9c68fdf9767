using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kerla.Generators
{
    // Reports, at compile time, the [Syscall] handlers that would break the ABI
    // (see Diagnostics), including two handlers for one number.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SyscallAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Diagnostics.DuplicateSyscall, Diagnostics.NotASyscall, Diagnostics.UnsupportedParameter,
            Diagnostics.TooManyParameters, Diagnostics.WrongReturnType, Diagnostics.NotStatic, Diagnostics.BadTraceLength);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(KnownNames.SyscallAttribute);
                if (attributeType is null) return;
                var byNumber = new ConcurrentDictionary<int, ConcurrentBag<IMethodSymbol>>();

                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                    if (attribute is null) return;
                    var diagnostics = new List<Diagnostic>();
                    SyscallReader.Read(method, attribute, diagnostics);
                    foreach (Diagnostic d in diagnostics) symbolContext.ReportDiagnostic(d);
                    if (attribute.ConstructorArguments.FirstOrDefault().Value is int number)
                        byNumber.GetOrAdd(number, _ => new ConcurrentBag<IMethodSymbol>()).Add(method);
                }, SymbolKind.Method);

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var pair in byNumber)
                    {
                        if (pair.Value.Count < 2) continue;
                        // The first handler in source order keeps the number; each other one is an error.
                        var ordered = pair.Value.OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "")
                            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0).ToList();
                        string first = ordered[0].ContainingType.Name + "." + ordered[0].Name;
                        TypedConstant argument = ordered[0].GetAttributes().First(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType))
                            .ConstructorArguments[0];
                        string member = argument.Type?.GetMembers().OfType<IFieldSymbol>()
                            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, pair.Key))?.Name ?? pair.Key.ToString();
                        foreach (IMethodSymbol duplicate in ordered.Skip(1))
                            end.ReportDiagnostic(Diagnostic.Create(Diagnostics.DuplicateSyscall, duplicate.Locations.FirstOrDefault(), KnownNames.LinuxName(member), pair.Key, first));
                    }
                });
            });
        }
    }
}
