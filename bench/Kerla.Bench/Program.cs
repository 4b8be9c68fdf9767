using System.Diagnostics;
using System.Globalization;
using System.Text;

// ./build.sh bench [--quick] [--runs N]: builds an initramfs whose /init is
// bench/programs/kbench.c (musl, static), boots it on the sample kernel and on
// Debian's Linux kernel in turn, N times each (alternating which goes first),
// and prints the median of every figure and the ratio ours/Linux. Results go to
// bench/results/<date>-<commit>.md. Nothing here is a test.
internal static class Program
{
    private sealed record Result(double Value, string Unit);

    private static readonly string Root = FindRoot();
    private const string Memory = "512M";

    private static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        int runs = quick ? 1 : 3;
        int at = Array.IndexOf(args, "--runs");
        if (at >= 0 && at + 1 < args.Length) runs = int.Parse(args[at + 1], CultureInfo.InvariantCulture);

        string kerla = Path.Combine(Root, "samples", "HelloKernel", "bin", "Release", "net10.0", "kernel.elf");
        string? linux = Directory.GetFiles("/boot", "vmlinuz-*").OrderBy(f => f).LastOrDefault();
        if (!File.Exists(kerla)) return Fail($"{kerla} is missing: ./build.sh bench builds it.");
        if (linux is null) return Fail("no /boot/vmlinuz-*: install Debian's linux-image-amd64 (./build.sh bench does).");

        string initrd = BuildInitramfs();
        var kernels = new (string Name, string Image)[] { ("Kerla", kerla), ("Linux", linux) };
        var results = kernels.ToDictionary(k => k.Name, _ => new Dictionary<string, List<double>>());
        var units = new Dictionary<string, string>();
        var order = new List<string>();
        for (int run = 0; run < runs; run++)
        {
            // Alternate which kernel goes first, so a warming host favours neither.
            foreach (var (name, image) in run % 2 == 0 ? kernels : kernels.Reverse())
            {
                Console.Error.WriteLine($"run {run + 1}/{runs}: {name}...");
                var figures = Boot(image, initrd, quick);
                foreach (var (key, result) in figures)
                {
                    if (!results[name].TryGetValue(key, out var list)) results[name][key] = list = new List<double>();
                    list.Add(result.Value);
                    units[key] = result.Unit;
                    if (!order.Contains(key)) order.Add(key);
                }
                Console.Error.WriteLine($"  {string.Join(", ", figures.Select(f => $"{f.Key} {Format(f.Value.Value)} {f.Value.Unit}"))}");
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| figure | unit | Kerla | Linux | ours/Linux |");
        table.AppendLine("|---|---|---:|---:|---:|");
        foreach (string key in order)
        {
            double? ours = Median(results["Kerla"], key), theirs = Median(results["Linux"], key);
            string ratio = ours is double o && theirs is double t && t != 0 ? (o / t).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            string unit = units[key] + (units[key] == "MB/s" ? " (higher is better)" : "");
            table.AppendLine($"| {key} | {unit} | {Format(ours)} | {Format(theirs)} | {ratio} |");
        }
        long ourSize = new FileInfo(kerla).Length, theirSize = new FileInfo(linux).Length;
        table.AppendLine($"| kernel image size | KiB | {ourSize / 1024} | {theirSize / 1024} | {(double)ourSize / theirSize:0.00} |");
        string shell = Path.Combine(Root, "samples", "HelloKernel", "bin", "Release", "net10.0", "initramfs.cpio");
        if (!quick && File.Exists(shell))
        {
            int? ourMin = SmallestMemory(kerla, shell), theirMin = SmallestMemory(linux, shell);
            table.AppendLine($"| smallest -m that boots to the shell | MiB | {ourMin?.ToString() ?? "-"} | {theirMin?.ToString() ?? "-"} | " +
                $"{(ourMin is int a && theirMin is int b ? ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture) : "-")} |");
        }

        string commit = Run(Root, "git", "rev-parse", "--short", "HEAD").Trim();
        string header = $"# Benchmarks {DateTime.UtcNow:yyyy-MM-dd} at {commit}\n\n" +
            $"{runs} run(s) per kernel{(quick ? ", quick sizes" : "")}, medians; QEMU {QemuVersion()} (TCG, -cpu max, one vCPU, -m {Memory}); " +
            $"Linux is {Path.GetFileName(linux)}. Host: {CpuModel()}.\n\n";
        Console.WriteLine();
        Console.WriteLine(table.ToString());
        string results_dir = Path.Combine(Root, "bench", "results");
        Directory.CreateDirectory(results_dir);
        string file = Path.Combine(results_dir, $"{DateTime.UtcNow:yyyy-MM-dd}-{commit}{(quick ? "-quick" : "")}.md");
        File.WriteAllText(file, header + table);
        Console.WriteLine($"written to {Path.GetRelativePath(Root, file)}");
        return 0;
    }

    // One boot: the time from starting QEMU to /init's first line, then every
    // "kbench <name> <value> <unit>" line until "kbench done".
    private static Dictionary<string, Result> Boot(string image, string initrd, bool quick)
    {
        var figures = new Dictionary<string, Result>();
        var clock = Stopwatch.StartNew();
        using var qemu = StartQemu(image, initrd, Memory, quick);
        string? line;
        while ((line = ReadLine(qemu, TimeSpan.FromMinutes(15))) is not null)
        {
            int at = line.IndexOf("kbench ", StringComparison.Ordinal);
            if (at < 0) continue;
            string[] words = line.Substring(at).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[1] == "init") figures["boot to /init"] = new Result(clock.Elapsed.TotalMilliseconds, "ms");
            else if (words[1] == "done") break;
            else if (words.Length == 4) figures[words[1]] = new Result(double.Parse(words[2], CultureInfo.InvariantCulture), words[3]);
        }
        Stop(qemu);
        return figures;
    }

    // The smallest memory size (from a fixed list) at which the sample's
    // initramfs (BusyBox) reaches its shell.
    private static int? SmallestMemory(string image, string initrd)
    {
        int? smallest = null;
        foreach (int megabytes in new[] { 256, 128, 96, 64, 48, 32, 24, 16, 12, 8 })
        {
            Console.Error.WriteLine($"smallest memory: {Path.GetFileName(image)} with {megabytes} MiB...");
            using var qemu = StartQemu(image, initrd, $"{megabytes}M", quick: true);
            bool reached = false;
            string? line;
            while (!reached && (line = ReadLine(qemu, TimeSpan.FromSeconds(60))) is not null)
                reached = line.Contains("Enter 'help' for a list of built-in commands");
            Stop(qemu);
            if (!reached) break;
            smallest = megabytes;
        }
        return smallest;
    }

    private static Process StartQemu(string image, string initrd, string memory, bool quick)
    {
        var start = new ProcessStartInfo("qemu-system-x86_64") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in new[] { "-kernel", image, "-initrd", initrd, "-append", "console=ttyS0 quiet" + (quick ? " -- quick" : ""),
                     "-m", memory, "-cpu", "max", "-smp", "1", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                     "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static string? ReadLine(Process process, TimeSpan timeout)
    {
        var read = process.StandardOutput.ReadLineAsync();
        return read.Wait(timeout) ? read.Result : null;
    }

    private static void Stop(Process qemu)
    {
        if (!qemu.HasExited) qemu.Kill(entireProcessTree: true);
        qemu.WaitForExit();
    }

    private static string BuildInitramfs()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-bench").FullName;
        string root = Path.Combine(dir, "root");
        Directory.CreateDirectory(root);
        Run(dir, "musl-gcc", "-static", "-O2", "-o", Path.Combine(root, "init"), Path.Combine(Root, "bench", "programs", "kbench.c"));
        string archive = Path.Combine(dir, "initramfs.cpio");
        Run(root, "bash", "-c", $"find . | sort | cpio -o -H newc --quiet > '{archive}'");
        return archive;
    }

    private static double? Median(Dictionary<string, List<double>> results, string key)
    {
        if (!results.TryGetValue(key, out var values) || values.Count == 0) return null;
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double? value) =>
        value is double v ? v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) : "-";

    private static string QemuVersion() => Run(Root, "qemu-system-x86_64", "--version").Split('\n')[0].Replace("QEMU emulator version ", "");

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static string Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{errors}");
        return output;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Kerla.sln"))) return dir;
        throw new InvalidOperationException("Kerla.sln not found above the harness");
    }
}
