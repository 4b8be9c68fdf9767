using System.Diagnostics;

namespace Kerla.Kernel.Tests;

internal static class Tools
{
    public static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo("/bin/sh", new[] { "-c", $"{file} {arguments}" }) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = System.Diagnostics.Process.Start(start)!; // not Kerla.Kernel.Process
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments}: {errors.Result}");
        return output;
    }

    public static string TempDirectory(string name) => Directory.CreateTempSubdirectory(name).FullName;
}
