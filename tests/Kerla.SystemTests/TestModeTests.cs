using System.Text.RegularExpressions;

namespace Kerla.SystemTests;

// kerla.test=...: the kernel's own test modes, ended through isa-debug-exit.
public class TestModeTests
{
    [Theory]
    [InlineData("128M")]
    [InlineData("5120M")]
    public void SelfTestsPass(string memory)
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 kerla.test=selftest", memory: memory);
        Assert.True(boot.KernelStatus == 0, boot.ToString());
        Match summary = Regex.Match(boot.Output, @"selftest: (\d+) passed, (\d+) failed \((\d+) checks\)");
        Assert.True(summary.Success, boot.ToString());
        int passed = int.Parse(summary.Groups[1].Value);
        Assert.Equal(0, int.Parse(summary.Groups[2].Value));
        Assert.Equal(passed, Regex.Matches(boot.Output, @"selftest: .* ok\n").Count);
        Assert.DoesNotContain("FAILED", boot.Output);
        // The runtime probes and the memory and timer tests all ran.
        foreach (string name in new[] { "interfaces with many implementations", "static constructors", "delegates and closures",
                     "heap: usage returns to where it was", "pages: contiguous runs", "timer: interrupts arrive",
                     "pointers, fixed and fixed buffers", "managed and unmanaged function pointers",
                     "direct map reaches the top of RAM", "syscalls: write to the console", "syscalls: bad pointers and descriptors",
                     "syscalls: uname and getpid", "syscalls: unknown numbers are ENOSYS", "abi: generated struct accessors" })
            Assert.Contains($"selftest: {name} ok", boot.Output);
        // write(1, ...) through the generated dispatch table reached the console.
        Assert.Contains("\nselftest: hello from write(2)\n", boot.Output);
        Assert.Contains("syscall ptrace (101) is not implemented: ENOSYS", boot.Output);
    }

    [Fact]
    public void StraceShowsTheChosenSyscallsWithDecodedArguments()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 kerla.test=selftest kerla.strace=write,uname");
        string o = boot.Output;
        Assert.True(boot.KernelStatus == 0, boot.ToString());
        Assert.Contains("[pid 1] write(1, \"selftest: hello from write(2)\\n\", 30) = 30\n", o);
        Assert.Contains("[pid 1] write(7, \"s\", 1) = -1 EBADF (Bad file number)\n", o);
        Assert.Contains("[pid 1] write(1, 0x20000000, 4) = -1 EFAULT (Bad address)\n", o);
        Assert.Contains("[pid 1] write(1, 0x10000ff8, 16) = 8\n", o);
        Assert.Contains("[pid 1] uname(0x10000000) = 0\n", o);
        Assert.DoesNotContain("] ptrace(", o);
        Assert.DoesNotContain("] getpid(", o);
    }

    [Fact]
    public void StraceLimitedToOtherProcessesPrintsNothing()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 kerla.test=selftest kerla.strace=all kerla.strace.pid=2,3");
        Assert.True(boot.KernelStatus == 0, boot.ToString());
        Assert.DoesNotContain("[pid ", boot.Output);
    }

    [Fact]
    public void PageFaultPrintsTheExceptionWithASymbolizedBacktrace()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 kerla.test=pagefault");
        string o = boot.Output;
        Assert.True(boot.KernelStatus == 0x7f, boot.ToString());
        Assert.Contains("CPU exception 14 (#PF page fault), error code 0x0\n", o);
        Assert.Contains("CR2 0xdead000000: page not present on read from kernel mode", o);
        Assert.Matches(@"RIP 0xffffffff8[0-9a-f]{7} Kerla_\w+\+0x[0-9a-f]+\n", o);
        Assert.Matches(@"RAX [0-9a-f]{16}  RBX [0-9a-f]{16}  RCX [0-9a-f]{16}\n", o);
        Assert.Matches(@"Backtrace:\n  # 0 0xffffffff8[0-9a-f]{7} Kerla_\w+\+0x[0-9a-f]+\n", o);
        // The walk reaches the host project's Main: names come from the image's own symbol table.
        Assert.Matches(@"  # \d 0xffffffff8[0-9a-f]{7} HelloKernel_Program__Main\+0x[0-9a-f]+\n", o);
        Assert.Contains("Kernel panic: fatal exception in the kernel: #PF page fault", o);
    }

    [Fact]
    public void AnUnhandledThrowIsAPanicNamingTheExceptionType()
    {
        BootResult boot = Qemu.BootKernel("console=ttyS0 kerla.test=throw");
        Assert.True(boot.KernelStatus == 0x7f, boot.ToString());
        Assert.Matches(@"Kernel panic: unhandled exception: Kerla_Runtime_System_InvalidOperationException: thrown by kerla.test=throw\n", boot.Output);
        Assert.Matches(@"Backtrace:\n(  # *\d+ 0x[0-9a-f]+ .*\n)+", boot.Output);
    }
}
