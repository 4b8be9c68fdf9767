using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kerla.Generators.Tests;

public class IncrementalTests
{
    private const string Handler = """
        using Kerla.Kernel.Syscalls;
        namespace T { public static class A { [Syscall(SyscallNumber.Getpid)] public static long H() => 1; } }
        """;

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Handler, "namespace T { public static class Other { public static int X = 1; } }");
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);

        SyntaxTree other = compilation.SyntaxTrees.Single(t => t.FilePath == "Test1.cs");
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(other,
            CSharpSyntaxTree.ParseText("namespace T { public static class Other { public static int X = 2; public static int Y = 3; } }",
                (CSharpParseOptions)other.Options, other.FilePath));
        var results = driver.RunGenerators(edited).GetRunResult().Results;

        // Every named step of every generator.
        var steps = new (Type Generator, string[] Names)[]
        {
            (typeof(SyscallGenerator), new[] { SyscallGenerator.HandlersStep, SyscallGenerator.CollectedStep }),
            (typeof(ErrnoGenerator), new[] { ErrnoGenerator.TableStep }),
            (typeof(SyscallNameGenerator), new[] { SyscallNameGenerator.NamesStep }),
            (typeof(LinuxStructGenerator), new[] { LinuxStructGenerator.StructsStep, LinuxStructGenerator.CollectedStep }),
        };
        foreach (var (generator, names) in steps)
        {
            GeneratorRunResult result = results.Single(r => r.Generator.GetGeneratorType() == generator);
            foreach (string step in names)
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), $"{generator.Name}: step {step} not tracked");
                foreach (var run in result.TrackedSteps[step])
                    foreach (var (_, reason) in run.Outputs)
                        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{generator.Name} {step}: {reason}");
            }
            foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{generator.Name} output: {reason}");
        }
    }

    [Fact]
    public void EditingAHandlerRegeneratesIt()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Handler);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Test0.cs");
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(Handler.Replace("H()", "H(int unused)"), (CSharpParseOptions)tree.Options, tree.FilePath));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results
            .Single(r => r.Generator.GetGeneratorType() == typeof(SyscallGenerator));
        Assert.Contains(result.TrackedSteps[SyscallGenerator.HandlersStep].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("args.Arg0", result.GeneratedSources.Single().SourceText.ToString());
    }

    // Models must hold only values: a symbol, a compilation or syntax kept in a
    // model would defeat caching and keep whole compilations alive.
    [Theory]
    [InlineData(typeof(SyscallModel))]
    [InlineData(typeof(ParameterModel))]
    [InlineData(typeof(ErrnoTableModel))]
    [InlineData(typeof(ErrnoModel))]
    [InlineData(typeof(SyscallNameModel))]
    [InlineData(typeof(StructModel))]
    [InlineData(typeof(FieldModel))]
    [InlineData(typeof(LinuxStructGenerator.Declaration))]
    public void ModelsHoldNoSymbolsOrCompilations(Type model)
    {
        var seen = new HashSet<Type>();
        void Walk(Type type, string path)
        {
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string)) return;
            Assert.False(typeof(ISymbol).IsAssignableFrom(type), $"{path} is a symbol");
            Assert.False(typeof(Compilation).IsAssignableFrom(type), $"{path} is a compilation");
            Assert.False(typeof(SyntaxNode).IsAssignableFrom(type) || type == typeof(Location), $"{path} is syntax");
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Type fieldType = field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType;
                Walk(fieldType, path + "." + field.Name);
                foreach (Type argument in fieldType.IsGenericType ? fieldType.GetGenericArguments() : Type.EmptyTypes) Walk(argument, path + "." + field.Name + "<>");
            }
        }
        Walk(model, model.Name);
        Assert.True(seen.Count > 1);
    }
}
