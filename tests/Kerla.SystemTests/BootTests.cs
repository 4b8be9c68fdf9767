using System.Globalization;
using System.Text.RegularExpressions;

namespace Kerla.SystemTests;

// The sample kernel boots like Linux does from `qemu -kernel ... -append ...`.
public class BootTests
{
    private const string Idle = "Idling\\.";

    [Fact]
    public void PrintsBannerPackagesMemoryMapAndPhases()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0", until: Idle);
        string o = boot.Output;
        Assert.Matches(@"\] Kerla for \.NET: HelloKernel on x86_64, booted by PVH\n", o);
        Assert.Matches(@"packages: Kerla\.Runtime \d+\.\d+\.\d+\S*, Kerla\.Kernel \d+\.\d+\.\d+\S*\n", o);
        Assert.Matches(@"packages: Kerla\.Arch\.X64 \d+\.\d+\.\d+\S*\n", o);
        Assert.Contains("Command line: console=ttyS0\n", o);
        Assert.Matches(@"\[mem 0x0000000000100000-0x[0-9a-f]{16}\] usable", o);
        Assert.Matches(@"Boot phases:\n(.*\n)*.*  total +\d+\.\d ms\n", o);
        Assert.Contains("No init: no initramfs was given (qemu -initrd), so there is nothing to run.", o);
        // -cpu max has both; the kernel reads CR4 back to say so (every user-space
        // test then runs with them on).
        Assert.Contains("SMEP: on; SMAP: on\n", o);
        // Every line of the log carries a timestamp since boot, and time only moves forward.
        var stamps = Regex.Matches(o, @"^\[ *(\d+\.\d{6})\] ", RegexOptions.Multiline)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(stamps.Count > 10, boot.ToString());
        Assert.Equal(stamps.OrderBy(s => s), stamps);
    }

    [Theory]
    [InlineData("128M")]
    [InlineData("512M")]
    [InlineData("5120M")] // above 4 GiB: the direct map is extended past what the boot code maps
    public void ReportsTheMemoryTheMachineHas(string memory)
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0", until: Idle, memory: memory);
        // Whole usable pages in the map the kernel printed, less page 0 which is never handed out.
        ulong pages = 0;
        foreach (Match m in Regex.Matches(boot.Output, @"\[mem 0x([0-9a-f]{16})-0x([0-9a-f]{16})\] usable"))
        {
            ulong start = ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber);
            ulong end = ulong.Parse(m.Groups[2].Value, NumberStyles.HexNumber) + 1;
            pages += (end / 4096) - (start + 4095) / 4096;
        }
        pages -= 1;
        Match line = Regex.Match(boot.Output, @"Memory: (\d+)K/(\d+)K available");
        Assert.True(line.Success, boot.ToString());
        ulong total = ulong.Parse(line.Groups[2].Value), free = ulong.Parse(line.Groups[1].Value);
        Assert.Equal(pages * 4, total);
        ulong megabytes = ulong.Parse(memory.TrimEnd('M'));
        Assert.InRange(total, (megabytes - 2) * 1024, megabytes * 1024);
        // The kernel image, boot data and the heap are in use; most memory is free.
        Assert.InRange(free, total / 2, total - 256);
    }

    [Fact]
    public void QuietHidesInformationalMessages()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 quiet kerla.test=nonsense");
        Assert.Equal(2, boot.KernelStatus);
        Assert.Contains("kerla.test=nonsense: no such test", boot.Output);
        Assert.DoesNotContain("Physical memory map", boot.Output);
        Assert.DoesNotContain("Kerla for .NET", boot.Output);
    }

    [Fact]
    public void LoglevelChoosesWhatReachesTheConsole()
    {
        // loglevel=6 prints levels 0-5: the banner (notice) but not the memory map (info).
        BootResult boot = Qemu.BootKernel("console=ttyS0 loglevel=6", until: Idle);
        Assert.Contains("Kerla for .NET: HelloKernel", boot.Output);
        Assert.DoesNotContain("Physical memory map", boot.Output);
    }

    // The ISO carries the initramfs as a multiboot2 module: GRUB's boot reaches the shell.
    [Fact]
    public void BootsThroughGrubWithMultiboot2()
    {
        BootResult boot = Qemu.Boot(new[] { "-cdrom", Qemu.SampleImage("kernel.iso"), "-m", "128M" },
            until: "Enter 'help' for a list of built-in commands", timeoutSeconds: 180);
        Assert.Contains("booted by multiboot2", boot.Output);
        Assert.Matches(@"initramfs: unpacked \d+K into the tmpfs root", boot.Output);
        Assert.Contains("Welcome to Kerla for .NET", boot.Output);
        Assert.Contains("Command line: console=ttyS0", boot.Output);
        Assert.Matches(@"\[mem 0x0000000000100000-0x[0-9a-f]{16}\] usable", boot.Output);
        Assert.Matches(@"Memory: \d+K/\d+K available", boot.Output);
    }
}
