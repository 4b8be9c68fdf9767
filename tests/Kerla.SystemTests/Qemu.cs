using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Kerla.SystemTests;

public sealed record BootResult(int ExitCode, string Output, bool StoppedByTest, TimeSpan Elapsed)
{
    // isa-debug-exit: the kernel writes a status, QEMU exits with (status << 1) | 1.
    public int? KernelStatus => StoppedByTest || (ExitCode & 1) == 0 ? null : ExitCode >> 1;

    public override string ToString() => $"exit {ExitCode}, output:\n{Output}";
}

// Boots a kernel image in QEMU (software emulation, always under a time limit)
// with the serial console on a pipe.
public static class Qemu
{
    public static string RepositoryRoot { get; } = typeof(Qemu).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KerlaRepositoryRoot").Value!;

    // The image ./build.sh built from the packages: the newest of the configurations.
    public static string SampleImage(string name = "kernel.elf")
    {
        var candidates = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(RepositoryRoot, "samples", "HelloKernel", "bin", c, "net10.0", name))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).ToList();
        if (candidates.Count == 0)
            throw new FileNotFoundException($"No samples/HelloKernel/bin/*/net10.0/{name}: run ./build.sh test, which builds it from the packages.");
        return candidates[0];
    }

    // Debian's Linux kernel (linux-image-amd64, which ./build.sh test installs).
    public static string LinuxKernel() =>
        Directory.GetFiles("/boot", "vmlinuz-*").OrderBy(f => f).LastOrDefault()
        ?? throw new InvalidOperationException("no /boot/vmlinuz-*: install Debian's linux-image-amd64");

    public static BootResult BootKernel(string commandLine, string? until = null, string memory = "128M", int timeoutSeconds = 90) =>
        Boot(new[] { "-kernel", SampleImage(), "-append", commandLine, "-m", memory }, until, timeoutSeconds);

    // The sample kernel with `initrd`, until init's end stops it.
    public static BootResult BootInitrd(string initrd, string commandLine = "console=ttyS0", int timeoutSeconds = 120) =>
        Boot(new[] { "-kernel", SampleImage(), "-initrd", initrd, "-append", commandLine, "-m", "128M" }, until: null, timeoutSeconds);

    // Runs QEMU until it exits, or until `until` matches the output (then stops it).
    public static BootResult Boot(IEnumerable<string> arguments, string? until, int timeoutSeconds)
    {
        var start = new ProcessStartInfo("qemu-system-x86_64")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string a in new[] { "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot", "-cpu", "max",
                     "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" }.Concat(arguments))
            start.ArgumentList.Add(a);

        var output = new StringBuilder();
        var matched = new ManualResetEventSlim();
        var regex = until is null ? null : new Regex(until, RegexOptions.Multiline);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output)
            {
                output.Append(e.Data.TrimEnd('\r')).Append('\n');
                if (regex is not null && regex.IsMatch(output.ToString())) matched.Set();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append("[qemu] ").Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = Task.Run(() => process.WaitForExit(timeoutSeconds * 1000));
        int which = WaitHandle.WaitAny(new[] { matched.WaitHandle, ((IAsyncResult)exited).AsyncWaitHandle }, timeoutSeconds * 1000);
        bool stopped = false;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            stopped = true;
        }
        process.WaitForExit();
        string text;
        lock (output) text = output.ToString();
        if (stopped && (regex is null || !regex.IsMatch(text)))
            throw new TimeoutException($"QEMU did not {(regex is null ? "exit" : $"print /{until}/")} within {timeoutSeconds} s. Output:\n{text}");
        return new BootResult(stopped ? -1 : process.ExitCode, text, stopped, clock.Elapsed);
    }
}
