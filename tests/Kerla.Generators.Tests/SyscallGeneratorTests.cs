using Microsoft.CodeAnalysis;

namespace Kerla.Generators.Tests;

public class SyscallGeneratorTests
{
    private const string Handlers = """
        using Kerla.Kernel.Syscalls;
        namespace Kerla.TestKernel
        {
            [System.Flags] public enum OpenFlags { Create = 0x40, Exclusive = 0x80 }

            public static class Handlers
            {
                [Syscall(SyscallNumber.Write)]
                public static SyscallResult Write(Fd fd, [TraceBuffer("count")] UserPtr<byte> buffer, nuint count) => (long)count;

                [Syscall(SyscallNumber.Open)]
                public static SyscallResult Open([TraceString] UserPtr<byte> path, OpenFlags flags, uint mode) => Errno.ENOENT;

                [Syscall(SyscallNumber.Getpid)]
                public static long Getpid() => 1;

                [Syscall(SyscallNumber.RtSigaction)]
                public static int RtSigaction(int signal, UserPtr<byte> action, UserPtr<byte> old, nuint size) => 0;

                [Syscall(SyscallNumber.Mmap)]
                public static SyscallResult Mmap(ulong address, nuint length, int prot, int flags, Fd fd, long offset) => (long)address;
            }
        }
        """;

    // Baselines are compared, never rewritten, unless KERLA_UPDATE_BASELINES=1.
    private static void MatchesBaseline(string name, string actual)
    {
        string path = Path.Combine(GeneratorHarness.TestProjectDirectory, "Baselines", name + ".txt");
        if (Environment.GetEnvironmentVariable("KERLA_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no baseline {path}: run the tests once with KERLA_UPDATE_BASELINES=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings(), actual.ReplaceLineEndings());
    }

    [Fact]
    public void RegistrationMatchesTheBaseline()
    {
        var (sources, output) = GeneratorHarness.Generate(GeneratorHarness.Compile(Handlers, SyscallTableStub));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        MatchesBaseline("SyscallRegistration.g.cs", sources["SyscallRegistration.g.cs"]);
    }

    [Fact]
    public void RegistrationDecodesEachRegisterAndTraceFormat()
    {
        var (sources, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Handlers, SyscallTableStub));
        string code = sources["SyscallRegistration.g.cs"];
        Assert.Contains("SyscallTable.Register(1, \"write\", \"d-b2u-\", Sys_write_1);", code);
        Assert.Contains("SyscallTable.Register(2, \"open\", \"s-x-u-\", Sys_open_2);", code);
        Assert.Contains("SyscallTable.Register(13, \"rt_sigaction\", \"d-p-p-u-\", Sys_rt_sigaction_13);", code);
        Assert.Contains("(global::Kerla.TestKernel.OpenFlags)(int)args.Arg1", code);
        Assert.Contains("new global::Kerla.Kernel.Syscalls.Fd((int)args.Arg4), (long)args.Arg5", code);
    }

    [Fact]
    public void ErrnoAndSyscallNameTablesMatchTheirBaselines()
    {
        var (sources, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(SyscallTableStub));
        MatchesBaseline("ErrnoInfo.g.cs", sources["ErrnoInfo.g.cs"]);
        Assert.Contains("39 => \"getpid\",", sources["SyscallNames.g.cs"]);
        Assert.Contains("156 => \"_sysctl\",", sources["SyscallNames.g.cs"]);
        Assert.Contains("13 => \"rt_sigaction\",", sources["SyscallNames.g.cs"]);
    }

    [Fact]
    public void StructLayoutMatchesTheBaseline()
    {
        var (sources, output) = GeneratorHarness.Generate(GeneratorHarness.Compile());
        MatchesBaseline("Stat.g.cs", sources["Stat.g.cs"]);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var assembly = new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(stream.ToArray()));
        // Layout constants as the generated code declares them.
        var layout = assembly.GetType("Kerla.Kernel.Abi.Stat+Layout")!;
        Assert.Equal(24, (int)layout.GetField("st_mode")!.GetValue(null)!);
        Assert.Equal(48, (int)layout.GetField("st_size")!.GetValue(null)!);
        Assert.Equal(144, (int)assembly.GetType("Kerla.Kernel.Abi.Stat")!.GetField("Size")!.GetValue(null)!);
    }

    [Fact]
    public void AnUnknownCTypeIsReported()
    {
        var compilation = GeneratorHarness.Compile(
            "using Kerla.Kernel.Abi; namespace T { [LinuxStruct(\"odd\", \"linux/odd.h\")] [Field(\"x\", \"float\")] public readonly ref partial struct Odd { } }");
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("KERLA1101", d.Id);
        Assert.Equal("[LinuxStruct] Odd: field x: unknown C type 'float'", d.GetMessage());
    }

    [Fact]
    public void GeneratedCodeCallsTheHandlersWithDecodedArguments()
    {
        // The generated thunks compiled and run on the host: registers in, handler result out.
        var (_, output) = GeneratorHarness.Generate(GeneratorHarness.Compile(Handlers, SyscallTableStub));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var assembly = new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(stream.ToArray()));
        var table = assembly.GetType("Kerla.Kernel.Syscalls.SyscallTable")!;
        var init = assembly.GetType("Kerla.Kernel.Syscalls.Generated.SyscallRegistration_Kerla_TestKernel")!;
        init.GetMethod("Register", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null);
        long Call(int number, params ulong[] registers)
        {
            var args = Activator.CreateInstance(assembly.GetType("Kerla.Kernel.Syscalls.SyscallArgs")!, registers.Concat(new ulong[6]).Take(6).Cast<object>().ToArray())!;
            return (long)table.GetMethod("Dispatch")!.Invoke(null, new[] { (object)(long)number, args })!;
        }
        Assert.Equal(5, Call(1, 1, 0x1000, 5));
        Assert.Equal(-2, Call(2, 0x1000, 0xc0, 0644));
        Assert.Equal(1, Call(39));
        Assert.Equal(0x7000, Call(9, 0x7000, 4096, 3, 0x22, ulong.MaxValue, 0));
        Assert.Equal(-38, Call(57));
    }

    // The kernel's dispatch table, reduced to what the generated code calls.
    internal const string SyscallTableStub = """
        namespace Kerla.Kernel.Syscalls
        {
            public delegate long SyscallHandler(in SyscallArgs args);
            public static class SyscallTable
            {
                private static readonly SyscallHandler?[] s_handlers = new SyscallHandler?[512];
                public static void Register(int number, string name, string traceFormat, SyscallHandler handler) => s_handlers[number] = handler;
                public static long Dispatch(long number, SyscallArgs args) => s_handlers[number] is { } h ? h(in args) : -(long)Errno.ENOSYS;
            }
        }
        """;
}
