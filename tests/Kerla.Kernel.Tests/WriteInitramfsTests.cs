using System.Collections;
using Kerla.Kernel.Fs;
using Kerla.Sdk;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kerla.Kernel.Tests;

// Kerla.Sdk's initramfs writer, read back by the host's cpio and by the kernel's reader.
public class WriteInitramfsTests
{
    private sealed class Engine : IBuildEngine
    {
        public List<string> Errors { get; } = new();
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? "");
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) { }
    }

    private static TaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        foreach (var (name, value) in metadata) item.SetMetadata(name, value);
        return item;
    }

    [Fact]
    public void WritesWhatCpioAndTheKernelRead()
    {
        string dir = Tools.TempDirectory("kerla-initramfs");
        File.WriteAllText(Path.Combine(dir, "init"), "#!/bin/sh\necho hi\n");
        File.WriteAllBytes(Path.Combine(dir, "data"), Enumerable.Range(0, 1001).Select(i => (byte)i).ToArray());
        string output = Path.Combine(dir, "out.cpio");
        var task = new WriteInitramfs
        {
            BuildEngine = new Engine(),
            Files = new ITaskItem[] { Item(Path.Combine(dir, "init"), ("TargetPath", "/init"), ("Mode", "755")), Item(Path.Combine(dir, "data"), ("TargetPath", "/usr/share/data"), ("Mode", "600")) },
            Symlinks = new ITaskItem[] { Item("/bin/sh", ("LinkTarget", "busybox")) },
            Directories = new ITaskItem[] { Item("/tmp", ("Mode", "1777")) },
            Devices = new ITaskItem[] { Item("/dev/console", ("Major", "5"), ("Minor", "1"), ("Mode", "600")) },
            Output = output,
        };
        Assert.True(task.Execute());

        string listing = Tools.Run("cpio", $"-itv < {output} 2>/dev/null", dir);
        Assert.Matches(@"-rwxr-xr-x .* init\n", listing);
        Assert.Matches(@"-rw------- .* 1001 .* usr/share/data\n", listing);
        Assert.Matches(@"lrwxrwxrwx .* bin/sh -> busybox\n", listing);
        Assert.Matches(@"drwxrwxrwt .* tmp\n", listing);
        Assert.Matches(@"drwxr-xr-x .* usr/share\n", listing); // parents made on the way
        Assert.Matches(@"crw------- .* 5, +1 .* dev/console\n", listing);

        byte[] archive = File.ReadAllBytes(output);
        CpioEntry[] entries = CpioNewc.Parse(archive, out string? error)!;
        Assert.Null(error);
        CpioEntry data = entries.Single(e => e.Name == "usr/share/data");
        CpioEntry console = entries.Single(e => e.Name == "dev/console");
        Assert.True(console.IsCharDevice);
        Assert.Equal((5u, 1u), (console.RdevMajor, console.RdevMinor));
        Assert.Equal(Enumerable.Range(0, 1001).Select(i => (byte)i), archive.AsSpan(data.DataOffset, data.DataLength).ToArray());
        // The same inputs give the same bytes (no times, no host owners).
        Assert.True(task.Execute());
        Assert.Equal(archive, File.ReadAllBytes(output));
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var engine = new Engine();
        var task = new WriteInitramfs { BuildEngine = engine, Files = new ITaskItem[] { Item("/no/such/file") }, Output = Path.Combine(Tools.TempDirectory("kerla-initramfs"), "x.cpio") };
        Assert.False(task.Execute());
        Assert.Contains(engine.Errors, e => e.Contains("/no/such/file does not exist"));
    }
}
