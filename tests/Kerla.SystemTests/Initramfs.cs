using System.Diagnostics;

namespace Kerla.SystemTests;

// Builds test programs with the host's compilers and packs them into an
// initramfs with the host's cpio, the way one is made for Linux.
public static class Initramfs
{
    public static string ProgramSource(string name) => Path.Combine(Qemu.RepositoryRoot, "tests", "Kerla.SystemTests", "Programs", name);

    public static string Run(string command, string directory)
    {
        var start = new ProcessStartInfo("/bin/bash", new[] { "-c", command }) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command}: exit {process.ExitCode}\n{errors.Result}");
        return output;
    }

    // compiler: "musl-gcc -static", "gcc -static" or "gcc -static-pie". Returns the binary's path.
    public static string Compile(string source, string compiler, string directory)
    {
        string output = Path.Combine(directory, Path.GetFileNameWithoutExtension(source) + "-" + compiler.Replace(' ', '_').Replace("-", ""));
        Run($"{compiler} -O2 -o '{output}' '{ProgramSource(source)}'", directory);
        return output;
    }

    // files: path in the archive -> file on the host, "->target" for a symlink,
    // "=>path" for a hard link to another path of the archive (made earlier in
    // the dictionary), "|" for a FIFO. cpio keeps the links, modes and times.
    public static string Pack(string directory, IDictionary<string, string> files)
    {
        string root = Path.Combine(directory, "root");
        foreach (var (target, source) in files)
        {
            string destination = Path.Combine(root, target.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (source.StartsWith("->"))
            {
                File.CreateSymbolicLink(destination, source.Substring(2));
                continue;
            }
            if (source.StartsWith("=>"))
            {
                Run($"ln '{Path.Combine(root, source.Substring(2).TrimStart('/'))}' '{destination}'", root);
                continue;
            }
            if (source == "|")
            {
                Run($"mkfifo -m 640 '{destination}'", root);
                continue;
            }
            File.Copy(source, destination, overwrite: true);
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
        string archive = Path.Combine(directory, "initramfs.cpio");
        Run($"find . | sort | cpio -o -H newc --quiet > '{archive}'", root);
        return archive;
    }

    // A C test program as /init, run first on the host (in a copy of the
    // initramfs's tree) and then on Kerla: Linux's output must hold `marker`
    // (so that it is known to have run as meant) and come out of Kerla whole,
    // with init exiting 0. Returns Linux's output.
    public static string SameOutputAsLinux(string source, string compiler, string marker)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-" + Path.GetFileNameWithoutExtension(source)).FullName;
        string program = Compile(source, compiler, dir);
        string initrd = Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string root = Path.Combine(dir, "root");
        // World-searchable, for programs that drop to another user on the host.
        File.SetUnixFileMode(dir, (UnixFileMode)0x1ed);
        File.SetUnixFileMode(root, (UnixFileMode)0x1ed);
        string onLinux = Run("./init </dev/null | cat", root);
        Assert.Contains(marker, onLinux);
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        Assert.Contains(onLinux, boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
        return onLinux;
    }
}
