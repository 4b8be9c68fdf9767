using System.Diagnostics;

namespace Kerla.SystemTests;

// Kerla.Sdk's build logic, run on the sample as ./build.sh restored it.
public class SdkTests
{
    private static (int ExitCode, string Output) MSBuild(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "msbuild", Path.Combine(Qemu.RepositoryRoot, "samples", "HelloKernel", "HelloKernel.csproj"),
                     "-nologo", "-p:Configuration=Release" }.Concat(arguments))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    // KerlaEmbedInitramfs links the project's initramfs into the image: it boots
    // to the shell with no -initrd.
    [Fact]
    public void AnInitramfsLinkedIntoTheImageBootsWithoutInitrd()
    {
        string image = Path.Combine(Directory.CreateTempSubdirectory("kerla-embedded").FullName, "kernel.elf");
        var (exitCode, output) = MSBuild("-t:KerlaLink", "-p:KerlaEmbedInitramfs=true", $"-p:KerlaImagePath={image}");
        Assert.True(exitCode == 0, output);
        Assert.True(new FileInfo(image).Length > new FileInfo(Qemu.SampleImage("initramfs.cpio")).Length, "the image holds the initramfs");
        BootResult boot = Qemu.Boot(new[] { "-kernel", image, "-append", "console=ttyS0", "-m", "128M" },
            until: "Enter 'help' for a list of built-in commands", timeoutSeconds: 90);
        Assert.Contains("built-in initramfs: unpacked", boot.Output);
        Assert.Contains("Welcome to Kerla for .NET", boot.Output);
    }

    [Theory]
    [InlineData("KerlaCheckBuildTools", "KerlaNasm", "nasm")]
    [InlineData("KerlaCheckBuildTools", "KerlaLinker", "lld")]
    [InlineData("KerlaCheckRunTools", "KerlaQemu", "qemu-system-x86")]
    [InlineData("KerlaCheckIsoTools", "KerlaGrubMkrescue", "grub-pc-bin")]
    [InlineData("KerlaIso", "KerlaGrubMkrescue", "grub-pc-bin")]
    public void AMissingToolIsOneLineNamingItsDebianPackage(string target, string property, string package)
    {
        var (exitCode, output) = MSBuild($"-t:{target}", $"-p:{property}=kerla-no-such-tool");
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"error : kerla-no-such-tool was not found: install the Debian package '{package}' (apt-get install {package}).", output);
        Assert.Single(output.Split('\n'), line => line.Contains("error :") && !line.Contains("Build FAILED"));
    }
}
