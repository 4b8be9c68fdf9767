using System.Text.RegularExpressions;

namespace Kerla.SystemTests;

// Unmodified Linux programs as init, from an initramfs given with -initrd, as
// Linux boots one; their output compared with the same binary on the host.
public class UserSpaceTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    [InlineData("gcc -static-pie")]
    public void AStaticProgramRunsAsInitAndPrintsWhatItPrintsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-init").FullName;
        string hello = Initramfs.Compile("hello.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = hello });
        string onLinux = Initramfs.Run($"exec -a /init '{hello}' one two", dir);

        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 -- one two");
        Assert.Contains("Run /init as init process\n", boot.Output);
        Assert.Contains("\n" + onLinux, boot.Output);
        Assert.Equal("hello from /init, argc=3\nargv[1]=one\nargv[2]=two\n", onLinux);
        // init returned 0: Linux's words for it, and the kernel stops.
        Assert.Contains("Kernel panic: Attempted to kill init! exitcode=0x00000000", boot.Output);
        Assert.True(boot.KernelStatus == 0x7f, boot.ToString());
    }

    [Fact]
    public void TheSyscallsOfCLibraryStartupAreTraced()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-init").FullName;
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = Initramfs.Compile("hello.c", "musl-gcc -static", dir) });
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 kerla.strace=all");
        Assert.Matches(@"\[pid 1\] arch_prctl\(4098, 0x[0-9a-f]+\) = 0\n", boot.Output);
        Assert.Matches(@"\[pid 1\] set_tid_address\(0x[0-9a-f]+\) = 1\n", boot.Output);
        Assert.Matches(@"\[pid 1\] writev\(1, 0x7ffffff[0-9a-f]+, 2\) = 25\n", boot.Output);
    }

    [Fact]
    public void AMissingInitIsReportedLikeLinux()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-init").FullName;
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/bin/other"] = Initramfs.ProgramSource("hello.c") });
        BootResult boot = Qemu.BootInitrd(initrd);
        Assert.Contains("Failed to execute /init (error -2)", boot.Output);
        Assert.Contains("Kernel panic: No working init found.", boot.Output);
    }

    // A truncated ELF file with execute permission is ENOEXEC (-8); without it, EACCES (-13).
    [Theory]
    [InlineData(true, 8)]
    [InlineData(false, 13)]
    public void AnInitThatCannotBeExecutedIsReported(bool executable, int errno)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-init").FullName;
        string garbage = Path.Combine(dir, "garbage");
        File.WriteAllBytes(garbage, new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0 });
        File.SetUnixFileMode(garbage, executable ? (UnixFileMode)0x1ed : (UnixFileMode)0x1a4);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = garbage });
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 rdinit=/init");
        Assert.Contains($"Failed to execute /init (error -{errno})", boot.Output);
        Assert.Contains("Kernel panic: No working init found.", boot.Output);
    }
}

public class UserMemoryTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void MmapMunmapMprotectAndBrkBehaveAsOnLinuxAndAFaultIsSIGSEGV(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-mem").FullName;
        string program = Initramfs.Compile("memory.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        // On Linux the last read kills it with SIGSEGV (exit status 139 in a shell).
        string onLinux = Initramfs.Run($"'{program}'; echo \"status $?\"", dir);
        Assert.EndsWith("reading the unmapped page now\nstatus 139\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd);
        Assert.Contains("\n" + onLinux.Replace("status 139\n", ""), boot.Output);
        Assert.Contains("sum of the bytes written: 179306496\n", boot.Output);
        Assert.Contains("mprotect over the hole: -1 (", boot.Output); // ENOMEM, in the C library's words
        Assert.Matches(@"init\[1\]: segfault at 7[0-9a-f]+ ip [0-9a-f]{16} sp [0-9a-f]{16} error 4\n", boot.Output);
        Assert.Contains("Kernel panic: Attempted to kill init! exitcode=0x0000000b", boot.Output);
        Assert.DoesNotContain("not reached", boot.Output);
    }
}

// Debian's busybox-static (glibc, static, unmodified) as init, one applet per boot.
public class BusyBoxTests
{
    private static BootResult RunApplet(string arguments) => RunApplet(arguments, out _);

    // An initramfs with busybox, a few files and a symlink; `root` is its tree on the host.
    private static BootResult RunApplet(string arguments, out string root)
    {
        string busybox = "/bin/busybox";
        Assert.True(File.Exists(busybox), "install the Debian package busybox-static");
        string dir = Directory.CreateTempSubdirectory("kerla-busybox").FullName;
        string etc = Path.Combine(dir, "etc-files");
        Directory.CreateDirectory(etc);
        File.WriteAllText(Path.Combine(etc, "hostname"), "kerla-test\n");
        File.WriteAllText(Path.Combine(etc, "lines"), "line one\nline two\nline three\n");
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string>
        {
            ["/bin/busybox"] = busybox,
            ["/etc/hostname"] = Path.Combine(etc, "hostname"),
            ["/etc/lines"] = Path.Combine(etc, "lines"),
            ["/bin/sh"] = "->busybox",
            ["/bin/wc"] = "->busybox",
            ["/bin/head"] = "->busybox",
            ["/bin/cat"] = "->busybox",
            ["/bin/date"] = "->busybox",
            ["/bin/sleep"] = "->busybox",
            ["/bin/poweroff"] = "->busybox",
            ["/bin/reboot"] = "->busybox",
        });
        root = Path.Combine(dir, "root");
        return Qemu.BootInitrd(initrd, $"console=ttyS0 rdinit=/bin/busybox -- {arguments}");
    }

    [Fact]
    public void UnameReportsWhatTheKernelSays()
    {
        BootResult boot = RunApplet("uname -a");
        string version = System.Text.RegularExpressions.Regex.Match(boot.Output, @"Kerla\.Kernel (\S+)\n").Groups[1].Value;
        Assert.Contains($"\nLinux (none) 6.1.0-kerla #1 Kerla for .NET {version} x86_64 GNU/Linux\n", boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }

    [Theory]
    [InlineData("cat etc/hostname etc/lines")]
    [InlineData("ls -1 -a etc bin")] // -1: the console is a terminal, where ls would use columns
    [InlineData("wc -l etc/lines")]
    [InlineData("head -n 2 etc/lines")]
    [InlineData("cat etc/missing")]
    [InlineData("sh -c \"echo one two three | wc -w\"")]
    [InlineData("sh -c \"cat etc/lines | head -n 2 | wc -l; echo status $?\"")]
    [InlineData("sh -c \"busybox mkdir d; echo hi > d/f; busybox mv d/f d/g; busybox ln -s g d/l; busybox ln d/g d/h; busybox cat d/l; busybox ls -1 d; busybox mv d e; busybox ls -1 e; busybox mv e/h e/l; busybox ls -1 e\"")]
    [InlineData("sh -c \"a=$(date +%s); sleep 2; b=$(date +%s); echo slept $((b - a >= 1))\"")]
    public void FileAppletsPrintWhatTheyPrintOnLinux(string arguments)
    {
        BootResult boot = RunApplet(arguments, out string root);
        // The same busybox on the host, in the same tree (relative paths, its bin/ first in PATH).
        // The kernel command line quotes with "; for the host's bash, ' keeps $(...) for busybox's sh.
        string onLinux = Initramfs.Run($"PATH=\"$PWD/bin:$PATH\" bin/busybox {arguments.Replace('"', '\'')} 2>&1; true", root);
        Assert.False(string.IsNullOrEmpty(onLinux));
        Assert.Contains("\n" + onLinux, boot.Output);
    }

    [Fact]
    public void PoweroffEndsTheMachine()
    {
        BootResult boot = RunApplet("poweroff -f");
        Assert.Contains("reboot: Power down", boot.Output);
        Assert.True(boot.KernelStatus == 0, boot.ToString());
        Assert.DoesNotContain("Attempted to kill init", boot.Output);
    }

    [Fact]
    public void RebootResetsTheMachine()
    {
        // -no-reboot turns the reset into QEMU exiting (status 0, no debug-exit status).
        BootResult boot = RunApplet("reboot -f");
        Assert.Contains("reboot: Restarting system", boot.Output);
        Assert.Equal(0, boot.ExitCode);
        Assert.DoesNotContain("Attempted to kill init", boot.Output);
    }

    [Fact]
    public void EchoPrintsItsArguments()
    {
        BootResult boot = RunApplet("echo hello from busybox");
        Assert.Contains("\nhello from busybox\n", boot.Output);
    }
}

public class FileSyscallTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void FileSyscallsReturnWhatLinuxReturns(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-files").FullName;
        string program = Initramfs.Compile("files.c", compiler, dir);
        string lines = Path.Combine(dir, "lines");
        File.WriteAllText(lines, "line one\nline two\nline three\n");
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program, ["/etc/lines"] = lines });
        string root = Path.Combine(dir, "root");
        // On Linux, in a copy of the same tree (relative paths only).
        string onLinux = Initramfs.Run("./init", root);
        Assert.Contains("tree holds: . .. b c dangling g k s\n", onLinux);
        Assert.Contains("etc holds: . .. lines\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd);
        Assert.Contains("\n" + onLinux, boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class LockAndFifoTests
{
    // fcntl record locks (POSIX and OFD), FIFOs made by mknod, device nodes.
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void RecordLocksFifosAndMknodBehaveAsOnLinux(string compiler) =>
        Initramfs.SameOutputAsLinux("locks.c", compiler, "F_SETLKW on the child's range = -1 errno 35\n");
}

public class EventTests
{
    // eventfd, memfd_create (with a shared mapping), copy_file_range, sendfile and epoll.
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void EventfdMemfdAndEpollBehaveAsOnLinux(string compiler) =>
        Initramfs.SameOutputAsLinux("events.c", compiler, "wait after another write = 1\n  data 0x2 events IN\n");
}

public class PermissionTests
{
    // Access checks as root and as uid 1000: permission classes, search and
    // read on directories, sticky directories, set-ID bits on write and chown.
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void PermissionChecksMatchLinux(string compiler) =>
        Initramfs.SameOutputAsLinux("perms.c", compiler, "unlink root's file in 01777 = -1 errno 1\n");
}

public class RandomTests
{
    // /dev/urandom on a CPU without RDRAND (qemu64): the kernel's generator is
    // seeded from timer jitter and still gives bytes, different each read.
    [Fact]
    public void UrandomWorksWithoutRdrand()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-random").FullName;
        string script = Path.Combine(dir, "init.sh");
        File.WriteAllText(script, "#!/bin/sh\nmount -t devtmpfs dev /dev\nhead -c 16 /dev/urandom | od -An -tx1 > /a\nhead -c 16 /dev/urandom | od -An -tx1 > /b\n" +
            "echo \"first:$(cat /a)\"\necho \"second:$(cat /b)\"\ncmp -s /a /b || echo 'the reads differ'\npoweroff -f\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ed);
        var files = new Dictionary<string, string> { ["/init"] = script, ["/bin/busybox"] = "/bin/busybox" };
        foreach (string applet in new[] { "sh", "mount", "head", "od", "cat", "cmp", "echo", "poweroff" }) files["/bin/" + applet] = "->busybox";
        BootResult boot = Qemu.Boot(new[] { "-kernel", Qemu.SampleImage(), "-initrd", Initramfs.Pack(dir, files), "-append", "console=ttyS0 quiet",
            "-m", "128M", "-cpu", "qemu64" }, null, 90);
        Assert.Matches("first:( [0-9a-f]{2}){16}\n", boot.Output);
        Assert.Matches("second:( [0-9a-f]{2}){16}\n", boot.Output);
        Assert.Contains("the reads differ\n", boot.Output);
    }
}

public class PathTests
{
    // The *at family and path resolution corner cases (O_PATH, O_NOFOLLOW, O_EXCL
    // on symlinks, loops, ".." at the root, getdents64 offsets, unlinked open files).
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void PathCornerCasesMatchLinux(string compiler) =>
        Initramfs.SameOutputAsLinux("paths.c", compiler, "open O_CREAT|O_EXCL on a dangling loop = -1 errno 17\n");
}

public class RobustnessTests
{
    // Directories removed under a process, a pipe reopened through /proc, a
    // gone process's /proc directory, empty paths, far offsets, a read-only
    // file's shared mapping: Linux's answers, and no harm to the kernel.
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void WhatProgramsMayDoToTheFilesystemIsHandledAsOnLinux(string compiler) =>
        Initramfs.SameOutputAsLinux("robust.c", compiler, "mprotect it writable = -1 errno 13\n");
}

public class SelectTests
{
    [Theory]
    [InlineData("musl-gcc -static")] // select(2) itself
    [InlineData("gcc -static")] // glibc's select is pselect6(2)
    public void SelectAndPselectBehaveAsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-select").FullName;
        string program = Initramfs.Compile("select.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string onLinux = Initramfs.Run("./init </dev/null", Path.Combine(dir, "root"));
        Assert.Contains("select until the child writes = 1\n  readable 1\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd);
        Assert.Contains("\n" + onLinux, boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class CpuTimeTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void CpuTimeIsAccountedAsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-cputime").FullName;
        string program = Initramfs.Compile("cputime.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string onLinux = Initramfs.Run("./init", Path.Combine(dir, "root"));
        Assert.Contains("  child used at least 40 ms: 1\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        // Line by line, so that a failure shows which bound differs.
        string output = "\n" + boot.Output;
        int start = output.IndexOf("\nspinning ");
        Assert.True(start >= 0, boot.ToString());
        string[] expected = onLinux.Split('\n'), actual = output.Substring(start + 1).Split('\n');
        for (int i = 0; i < expected.Length - 1; i++) Assert.Equal(expected[i], i < actual.Length ? actual[i] : "");
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class ProcessGroupTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void ProcessGroupsAndSessionsBehaveAsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-groups").FullName;
        string program = Initramfs.Compile("groups.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string onLinux = Initramfs.Run("./init", Path.Combine(dir, "root"));
        Assert.Contains("wait4 group a finds a = 1\n  status 3\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        Assert.Contains(onLinux, boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class ProcessTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void ForkExecAndWaitBehaveAsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-spawn").FullName;
        string program = Initramfs.Compile("spawn.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string root = Path.Combine(dir, "root");
        string onLinux = Initramfs.Run("./init", root);
        Assert.Contains("three children, statuses add up to 33\n", onLinux);

        // quiet: the kernel's own warnings (the faulting child) stay off the console.
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        Assert.Contains(onLinux, boot.Output);
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class SignalTests
{
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    public void SignalsBehaveAsOnLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-signals").FullName;
        string program = Initramfs.Compile("signals.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string onLinux = Initramfs.Run("./init | cat", Path.Combine(dir, "root"));
        Assert.Contains("read with SA_RESTART = 1\n", onLinux);

        // quiet: the children that die of faults are logged by the kernel.
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        string output = "\n" + boot.Output;
        int start = output.IndexOf("\n-- handlers\n");
        Assert.True(start >= 0, boot.ToString());
        // Line by line, so that a failure shows the first line that differs.
        string[] expected = onLinux.Split('\n'), actual = output.Substring(start + 1).Split('\n');
        for (int i = 0; i < expected.Length - 1; i++) Assert.Equal(expected[i], i < actual.Length ? actual[i] : "");
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class LeakTests
{
    // 1,000 fork + execve + exit + wait cycles give back every page and all the
    // kernel heap they took, to within 1% (the figures come from /proc/metrics).
    [Fact]
    public void ForkExecExitCyclesGiveEverythingBack()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-leak").FullName;
        string program = Initramfs.Compile("leak.c", "musl-gcc -static", dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
        Match forks = Regex.Match(boot.Output, @"forks (\d+)\n");
        Match pages = Regex.Match(boot.Output, @"free pages before (\d+) after (\d+)\n");
        Match heap = Regex.Match(boot.Output, @"heap bytes before (\d+) after (\d+)\n");
        Assert.True(forks.Success && pages.Success && heap.Success, boot.ToString());
        Assert.True(long.Parse(forks.Groups[1].Value) >= 1020, boot.ToString());
        AssertWithinOnePercent(pages, "free pages");
        AssertWithinOnePercent(heap, "kernel heap bytes in use");
    }

    private static void AssertWithinOnePercent(Match m, string what)
    {
        long before = long.Parse(m.Groups[1].Value), after = long.Parse(m.Groups[2].Value);
        Assert.True(Math.Abs(after - before) * 100 <= before, $"{what}: {before} before, {after} after 1,000 cycles");
    }
}

// A BusyBox script as init, booted by Debian's Linux kernel and by ours from
// the same initramfs with the same command line: the same lines come out.
public class SideBySideTests
{
    [Fact]
    public void MountsProcfsAndSignalsMatchLinux()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-procfs").FullName;
        var (linux, ours) = BootBoth(dir, "procfs.sh", "sh mount umount mkdir readlink cat cut grep ls kill sleep timeout stat head od tr dmesg hostname uname wc poweroff",
            new Dictionary<string, string>
            {
                ["/bin/crash"] = Initramfs.Compile("crash.c", "musl-gcc -static", dir),
                // What the initramfs keeps: a hard link, a FIFO, modes and times.
                ["/etc/data"] = Initramfs.ProgramSource("procfs.sh"),
                ["/etc/data-link"] = "=>/etc/data",
                ["/etc/fifo"] = "|",
            });
        Assert.Contains("SIGTERM: 143\n", linux);
        Assert.Contains("\nLinux version 6.1.0-kerla (Kerla for .NET ", ours.Output); // after the section: Linux's differs
        AssertSameLines(linux, Section(ours));
    }

    // A battery of BusyBox file tools (cp -a, mv, ln, find, tar, dd, du, df,
    // stat, touch -d, ps, top, free, mount, mkfifo, mknod, ...) on tmpfs: results,
    // block counts, modes, owners, times set by touch, and error messages.
    [Fact]
    public void FileToolsMatchLinux()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-fstools").FullName;
        var (linux, ours) = BootBoth(dir, "fstools.sh", "sh awk basename cat chmod chown cmp cp cut dd df diff dirname du echo fallocate find free " +
            "grep head kill ln ls md5sum mkdir mkfifo mknod mount mv od pidof poweroff printf ps pwd readlink realpath rm rmdir sed seq sleep sort " +
            "stat tail tar tee top touch tr truncate umount unlink uptime wc xargs", new Dictionary<string, string>());
        Assert.Contains("hard link across filesystems: 1\n", linux);
        AssertSameLines(linux, Section(ours));
    }

    // `script` as /init with BusyBox and `applets` linked to it (and `files`),
    // booted by Linux and by Kerla: Linux's section, and our whole boot.
    private static (string Linux, BootResult Ours) BootBoth(string dir, string script, string applets, Dictionary<string, string> files)
    {
        files["/init"] = Initramfs.ProgramSource(script);
        files["/bin/busybox"] = "/bin/busybox";
        foreach (string applet in applets.Split(' ')) files["/bin/" + applet] = "->busybox";
        string initrd = Initramfs.Pack(dir, files);
        string linux = Section(Qemu.Boot(new[] { "-kernel", Qemu.LinuxKernel(), "-initrd", initrd, "-append", "console=ttyS0 quiet", "-m", "256M" }, null, 150));
        return (linux, Qemu.Boot(new[] { "-kernel", Qemu.SampleImage(), "-initrd", initrd, "-append", "console=ttyS0 quiet", "-m", "256M" }, null, 150));
    }

    // Line by line, so that a failure names the first line that differs.
    private static void AssertSameLines(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], i < a.Length ? a[i] : "");
    }

    private static string Section(BootResult boot)
    {
        int start = boot.Output.IndexOf("=== begin\n"), end = boot.Output.IndexOf("=== end\n");
        Assert.True(start >= 0 && end > start, boot.ToString());
        return boot.Output.Substring(start, end - start);
    }
}

public class StartupAndErrorTests
{
    // argv, envp and the auxiliary vector a program starts with, EFAULT from bad
    // pointers, and execve's errors ("Exec format error" for a truncated ELF file).
    [Theory]
    [InlineData("musl-gcc -static")]
    [InlineData("gcc -static")]
    [InlineData("gcc -static-pie")]
    public void StartupVectorsAndErrorsMatchLinux(string compiler)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-abi").FullName;
        string program = Initramfs.Compile("abi.c", compiler, dir);
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = program });
        string onLinux = Initramfs.Run("./init | cat", Path.Combine(dir, "root"));
        Assert.Contains("execve of a truncated ELF file = -1 Exec format error\n", onLinux);

        BootResult boot = Qemu.BootInitrd(initrd, "console=ttyS0 quiet");
        string output = "\n" + boot.Output;
        int start = output.IndexOf("\n-- start\n");
        Assert.True(start >= 0, boot.ToString());
        string[] expected = onLinux.Split('\n'), actual = output.Substring(start + 1).Split('\n');
        for (int i = 0; i < expected.Length - 1; i++) Assert.Equal(expected[i], i < actual.Length ? actual[i] : "");
        Assert.Contains("Attempted to kill init! exitcode=0x00000000", boot.Output);
    }
}

public class SystemFiguresTests
{
    // /proc/loadavg, /proc/stat, top, uptime and free show figures that move
    // with the system's state: a busy loop raises the load and the user time.
    // /proc/<pid>/maps lists the mappings.
    [Fact]
    public void LoadAndCpuFiguresFollowTheSystem()
    {
        string dir = Directory.CreateTempSubdirectory("kerla-load").FullName;
        var files = new Dictionary<string, string> { ["/init"] = Initramfs.ProgramSource("load.sh"), ["/bin/busybox"] = "/bin/busybox" };
        foreach (string applet in new[] { "sh", "mkdir", "mount", "cut", "head", "sleep", "kill", "top", "grep", "uptime", "free", "tr", "poweroff" })
            files["/bin/" + applet] = "->busybox";
        BootResult boot = Qemu.BootInitrd(Initramfs.Pack(dir, files), "console=ttyS0 quiet");
        string o = boot.Output;
        Assert.Contains("idle load: 0.00\n", o);
        Match busy = Regex.Match(o, @"busy load: (\d+\.\d\d)\n");
        Assert.True(busy.Success, boot.ToString());
        Assert.True(double.Parse(busy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0.05, $"load after a busy loop: {busy.Groups[1].Value}");
        long before = long.Parse(Regex.Match(o, @"user ticks before: (\d+)\n").Groups[1].Value);
        long after = long.Parse(Regex.Match(o, @"user ticks after: (\d+)\n").Groups[1].Value);
        Assert.True(after - before > 100, $"user ticks went from {before} to {after} during 11 s of a busy loop");
        // top, uptime and free answered; /proc/self/maps shows the program and its stack.
        Assert.Matches(@"\n1\n1\n1\n1\n1\n", o);
        // What the kernel gave init, as /proc/1/environ keeps it.
        Assert.Contains("init's environment: HOME=/ TERM=linux \n", o);
    }
}
