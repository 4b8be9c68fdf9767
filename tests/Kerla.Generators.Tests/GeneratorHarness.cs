using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kerla.Generators.Tests;

// Compiles a handler snippet together with the kernel's real syscall
// declarations, runs the generators and the analyzer, and returns what they made.
internal static class GeneratorHarness
{
    private static readonly string KernelSources = Path.Combine(AppContext.BaseDirectory, "KernelSources");

    public static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

    public static string TestProjectDirectory => typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestProjectDirectory").Value!;

    public static CSharpCompilation Compile(params string[] sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        IEnumerable<SyntaxTree> trees = Directory.GetFiles(KernelSources, "*.cs", SearchOption.AllDirectories)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, path: f))
            .Concat(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Test{i}.cs")));
        return CSharpCompilation.Create("Kerla.TestKernel", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new ISourceGenerator[] { new SyscallGenerator().AsSourceGenerator(), new ErrnoGenerator().AsSourceGenerator(), new SyscallNameGenerator().AsSourceGenerator(), new LinuxStructGenerator().AsSourceGenerator() },
        parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    // The generated sources by hint name, and the compilation with them added.
    public static (Dictionary<string, string> Sources, Compilation Output) Generate(CSharpCompilation compilation)
    {
        Driver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        var sources = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs"))
            .ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        return (sources, output);
    }

    public static ImmutableArray<Diagnostic> Analyze(CSharpCompilation compilation) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SyscallAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().Result;
}
