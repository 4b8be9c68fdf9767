using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kerla.Generators.Tests;

// Every [LinuxStruct] the kernel declares, laid out by the generator, against
// the real UAPI header compiled by the host C compiler: sizeof and every
// offsetof and field size. A difference fails naming the struct and the field.
public class AbiLayoutTests
{
    private static readonly Lazy<List<StructModel>> Models = new(() => LayOut(GeneratorHarness.Compile()));

    private static List<StructModel> LayOut(Compilation compilation)
    {
        var declarations = new List<LinuxStructGenerator.Declaration>();
        void Visit(INamespaceSymbol ns)
        {
            foreach (INamespaceSymbol child in ns.GetNamespaceMembers()) Visit(child);
            foreach (INamedTypeSymbol type in ns.GetTypeMembers())
                if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.LinuxStructAttribute))
                    declarations.Add(LinuxStructGenerator.Declaration.Read(type));
        }
        Visit(compilation.Assembly.GlobalNamespace);
        return LinuxStructGenerator.Layout(declarations);
    }

    public static TheoryData<string> StructNames()
    {
        var data = new TheoryData<string>();
        foreach (StructModel s in Models.Value) data.Add(s.CName);
        return data;
    }

    [Fact]
    public void TheIssueListIsDeclared()
    {
        var names = Models.Value.Select(s => s.CName).ToHashSet();
        foreach (string name in new[] { "stat", "statx", "timespec", "timeval", "iovec", "pollfd", "epoll_event", "termios", "winsize",
                     "new_utsname", "sigaction", "siginfo", "sigaltstack", "sockaddr_in", "sockaddr_in6", "sockaddr_un", "dirent64",
                     "rlimit", "sysinfo", "tms", "rusage", "itimerval" })
            Assert.Contains(name, names);
        Assert.All(Models.Value, s => Assert.Empty(s.Errors));
    }

    [Theory]
    [MemberData(nameof(StructNames))]
    public void MatchesTheLinuxHeader(string cName)
    {
        StructModel model = Models.Value.Single(s => s.CName == cName);
        Assert.Equal("", Compare(model, RunC(model)));
    }

    [Fact]
    public void AFieldWithTheWrongTypeIsNamed()
    {
        // struct stat with st_nlink declared 4 bytes wide instead of 8: the fields after it move.
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KernelSources", "Abi", "Stat.cs"))
            .Replace("[Field(\"st_nlink\", \"unsigned long\")]", "[Field(\"st_nlink\", \"unsigned int\")]");
        var compilation = GeneratorHarness.Compile();
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(Path.Combine("Abi", "Stat.cs")));
        compilation = compilation.ReplaceSyntaxTree(tree, Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options, tree.FilePath));
        StructModel broken = LayOut(compilation).Single(s => s.CName == "stat");
        string differences = Compare(broken, RunC(broken));
        Assert.Contains("struct stat, field st_nlink: size 4 here, 8 in asm/stat.h", differences);
        Assert.Contains("struct stat, field st_mode: offset 20 here, 24 in asm/stat.h", differences);
    }

    // "here" is the generator's layout, the other side what the C compiler says.
    private static string Compare(StructModel model, Dictionary<string, (long Offset, long Size)> c)
    {
        var problems = new StringBuilder();
        if (!model.Flexible && c["(struct)"].Size != model.Size)
            problems.AppendLine($"struct {model.CName}: size {model.Size} here, {c["(struct)"].Size} in {model.Header}");
        foreach (FieldModel f in model.Fields)
        {
            var (offset, size) = c[f.Name];
            if (offset != f.Offset) problems.AppendLine($"struct {model.CName}, field {f.Name}: offset {f.Offset} here, {offset} in {model.Header}");
            bool flexibleTail = model.Flexible && f == model.Fields[model.Fields.Length - 1];
            if (size != f.Size && !flexibleTail) problems.AppendLine($"struct {model.CName}, field {f.Name}: size {f.Size} here, {size} in {model.Header}");
        }
        return problems.ToString();
    }

    private static Dictionary<string, (long, long)> RunC(StructModel model)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-abi").FullName;
        var c = new StringBuilder();
        // The prelude (feature macros) must come before any system header.
        c.AppendLine(model.Prelude);
        c.AppendLine("#include <stddef.h>");
        c.AppendLine($"#include <{model.Header}>");
        c.AppendLine("int printf(const char *, ...);");
        c.AppendLine("int main(void) {");
        c.AppendLine($"    printf(\"(struct) 0 %zu\\n\", sizeof(struct {model.CName}));");
        foreach (FieldModel f in model.Fields)
            c.AppendLine($"    printf(\"{f.Name} %zu %zu\\n\", offsetof(struct {model.CName}, {f.Name}), sizeof(((struct {model.CName} *)0)->{f.Name}));");
        c.AppendLine("    return 0;\n}");
        File.WriteAllText(Path.Combine(dir, "layout.c"), c.ToString());
        Run("cc", "-w -o layout layout.c", dir);
        return Run(Path.Combine(dir, "layout"), "", dir).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')).ToDictionary(p => p[0], p => (long.Parse(p[1]), long.Parse(p[2])));
    }

    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments}:\n{errors.Result}");
        return output;
    }
}
