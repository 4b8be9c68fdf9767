using System.Diagnostics;
using Kerla.Sdk;

namespace Kerla.Kernel.Tests;

// The symbol reader behind backtraces, checked against binutils' nm on an object
// the host C compiler builds.
public class ElfSymbolsTests
{
    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = System.Diagnostics.Process.Start(start)!; // not Kerla.Kernel.Process
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments}: {errors}");
        return output;
    }

    [Fact]
    public void MatchesNmOnARealObject()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-elf").FullName;
        File.WriteAllText(Path.Combine(dir, "t.c"),
            "int counter = 3; static int hidden(int x) { return x + counter; }\n" +
            "int visible(int y) { return hidden(y) * 2; }\nconst char text[] = \"kerla\";\n");
        Run("cc", "-O0 -c -o t.o t.c", dir);

        var ours = ElfSymbols.Read(File.ReadAllBytes(Path.Combine(dir, "t.o")))
            .Select(s => s.Name).ToHashSet();
        var theirs = Run("nm", "--defined-only t.o", dir).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')).Where(f => f.Length == 3 && "TtDdRrBb".Contains(f[1])).Select(f => f[2]).ToHashSet();

        Assert.Contains("visible", ours);
        Assert.Contains("hidden", ours);
        Assert.Contains("counter", ours);
        Assert.Contains("text", ours);
        Assert.Subset(ours, theirs);
    }

    [Fact]
    public void RefusesWhatIsNotElf64()
    {
        Assert.Throws<InvalidDataException>(() => ElfSymbols.Read(new byte[100]));
        Assert.Throws<InvalidDataException>(() => ElfSymbols.Read(System.Text.Encoding.ASCII.GetBytes("#!/bin/sh\necho not an elf file at all, nor long enough to be one.....")));
    }
}
