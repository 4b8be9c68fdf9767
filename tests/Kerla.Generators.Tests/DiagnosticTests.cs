using Microsoft.CodeAnalysis;

namespace Kerla.Generators.Tests;

// One test per diagnostic: each names the rule, says what is wrong, and points
// at the handler.
public class DiagnosticTests
{
    private static Diagnostic Single(string handlers)
    {
        string source = "using Kerla.Kernel.Syscalls;\nnamespace T {\n" + handlers + "\n}";
        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.Compile(source));
        Assert.True(diagnostics.Length == 1, string.Join("\n", diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.Equal("Test0.cs", diagnostics[0].Location.SourceTree?.FilePath);
        return diagnostics[0];
    }

    [Fact]
    public void TwoHandlersForWrite()
    {
        var d = Single("""
            public static class A { [Syscall(SyscallNumber.Write)] public static long First(Fd fd) => 0; }
            public static class B { [Syscall(SyscallNumber.Write)] public static long Second(Fd fd) => 0; }
            """);
        Assert.Equal("KERLA1001", d.Id);
        Assert.Equal("Syscall 'write' (1) already has a handler: A.First", d.GetMessage());
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line); // class B, zero-based
    }

    [Fact]
    public void TwoHandlersStillGenerateCodeThatCompilesSoOnlyTheDiagnosticShows()
    {
        var compilation = GeneratorHarness.Compile(SyscallGeneratorTests.SyscallTableStub, """
            using Kerla.Kernel.Syscalls;
            namespace T {
            public static class A { [Syscall(SyscallNumber.Write)] public static long First(Fd fd) => 0; }
            public static class B { [Syscall(SyscallNumber.Write)] public static long Second(Fd fd) => 0; }
            }
            """);
        var (sources, output) = GeneratorHarness.Generate(compilation);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sources["SyscallRegistration.g.cs"], "Register\\(1, "));
        Assert.Contains(GeneratorHarness.Analyze(compilation), d => d.Id == "KERLA1001");
    }

    [Fact]
    public void NumberThatIsNotASyscall()
    {
        var d = Single("public static class A { [Syscall((SyscallNumber)999)] public static long H() => 0; }");
        Assert.Equal("KERLA1002", d.Id);
        Assert.Contains("999 is not an x86_64 Linux syscall number", d.GetMessage());
    }

    [Theory]
    [InlineData("string path", "string")]
    [InlineData("ref int value", "int")]
    [InlineData("double value", "double")]
    [InlineData("object value", "object")]
    public void UnsupportedParameterType(string parameter, string type)
    {
        var d = Single($"public static class A {{ [Syscall(SyscallNumber.Close)] public static long H({parameter}) => 0; }}");
        Assert.Equal("KERLA1003", d.Id);
        Assert.Contains($"has type '{type}'", d.GetMessage());
    }

    [Fact]
    public void MoreThanSixParameters()
    {
        var d = Single("public static class A { [Syscall(SyscallNumber.Mmap)] public static long H(long a, long b, long c, long d, long e, long f, long g) => 0; }");
        Assert.Equal("KERLA1004", d.Id);
        Assert.Contains("has 7 parameters", d.GetMessage());
    }

    [Theory]
    [InlineData("void")]
    [InlineData("string")]
    [InlineData("Errno")]
    public void WrongReturnType(string type)
    {
        string body = type == "void" ? "{ }" : "=> default!;";
        var d = Single($"public static class A {{ [Syscall(SyscallNumber.Sync)] public static {type} H() {body} }}");
        Assert.Equal("KERLA1005", d.Id);
    }

    [Fact]
    public void InstanceHandler()
    {
        var d = Single("public class A { [Syscall(SyscallNumber.Sync)] public long H() => 0; }");
        Assert.Equal("KERLA1006", d.Id);
        Assert.Equal("Syscall handler 'A.H' must be a static, non-generic method", d.GetMessage());
    }

    [Fact]
    public void GenericHandler()
    {
        Assert.Equal("KERLA1006", Single("public static class A { [Syscall(SyscallNumber.Sync)] public static long H<T>() => 0; }").Id);
    }

    [Fact]
    public void TraceBufferNamingNoParameter()
    {
        var d = Single("public static class A { [Syscall(SyscallNumber.Read)] public static long H(Fd fd, [TraceBuffer(\"size\")] UserPtr<byte> b, nuint count) => 0; }");
        Assert.Equal("KERLA1007", d.Id);
    }

    [Fact]
    public void ValidHandlersHaveNoDiagnostics()
    {
        var source = "using Kerla.Kernel.Syscalls;\nnamespace T { public static class A {\n" +
            "[Syscall(SyscallNumber.Read)] public static SyscallResult R(Fd fd, [TraceBuffer(\"count\")] UserPtr<byte> b, nuint count) => 0;\n" +
            "[Syscall(SyscallNumber.Exit)] public static long E(int status, bool flag) => 0; } }";
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Compile(source)));
    }

    [Fact]
    public void InvalidHandlersGenerateNothing()
    {
        var (sources, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(
            "using Kerla.Kernel.Syscalls; public class A { [Syscall(SyscallNumber.Sync)] public long H() => 0; }"));
        Assert.False(sources.ContainsKey("SyscallRegistration.g.cs"));
    }
}
