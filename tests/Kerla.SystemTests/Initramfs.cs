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

    // files: path in the archive -> file on the host, or "->target" for a symlink.
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
            File.Copy(source, destination, overwrite: true);
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
        string archive = Path.Combine(directory, "initramfs.cpio");
        Run($"find . | sort | cpio -o -H newc --quiet > '{archive}'", root);
        return archive;
    }
}
