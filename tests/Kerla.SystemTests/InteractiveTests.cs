using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kerla.SystemTests;

// The sample as ./build.sh run boots it (its initramfs built by Kerla.Sdk from
// the project's items: BusyBox with its applet links and rootfs/init), driven
// through the serial console as a person would: wait for the prompt, type, read.
public class InteractiveTests
{
    private sealed class Console : IDisposable
    {
        private readonly Process _qemu;
        private readonly StringBuilder _output = new();

        public Console(string initrd, string? kernel = null)
        {
            var start = new ProcessStartInfo("qemu-system-x86_64") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { "-kernel", kernel ?? Qemu.SampleImage(), "-initrd", initrd, "-append", "console=ttyS0 quiet", "-m", "128M",
                         "-cpu", "max", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                         "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" })
                start.ArgumentList.Add(a);
            _qemu = Process.Start(start)!;
            // Character by character: a prompt ends with no newline.
            Task.Run(() =>
            {
                var buffer = new char[4096];
                int n;
                while ((n = _qemu.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
                    lock (_output) _output.Append(new string(buffer, 0, n).Replace("\r", ""));
            });
            _qemu.BeginErrorReadLine();
        }

        public string Output { get { lock (_output) return _output.ToString(); } }

        // Waits until the output after `from` matches; returns the index after the match.
        public int WaitFor(string pattern, int from = 0, int seconds = 60)
        {
            var regex = new Regex(pattern, RegexOptions.Multiline);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                string text = Output;
                Match m = regex.Match(text, Math.Min(from, text.Length));
                if (m.Success) return m.Index + m.Length;
                Thread.Sleep(50);
            }
            throw new TimeoutException($"/{pattern}/ did not appear within {seconds} s. Output:\n{Output}");
        }

        public bool WaitForExit(int seconds) => _qemu.WaitForExit(seconds * 1000);

        public void Type(string text)
        {
            try
            {
                _qemu.StandardInput.Write(text);
                _qemu.StandardInput.Flush();
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"QEMU stopped reading ({e.Message}). Output:\n{Output}");
            }
        }

        public void Dispose()
        {
            if (!_qemu.HasExited) _qemu.Kill(entireProcessTree: true);
            _qemu.WaitForExit();
            _qemu.Dispose();
        }
    }

    // The same initramfs and command line on Linux and on Kerla: both reach the
    // shell with job control, run a command and power off with poweroff -f.
    [Theory]
    [InlineData("linux")]
    [InlineData("kerla")]
    public void TheSameInitramfsBootsLinuxAndKerla(string kernel)
    {
        using var console = new Console(Qemu.SampleImage("initramfs.cpio"), kernel == "linux" ? Qemu.LinuxKernel() : null);
        int at = console.WaitFor(@"Welcome to Kerla for \.NET: Linux \S+ on x86_64");
        at = console.WaitFor(@"^/ # ", at);
        Assert.DoesNotContain("job control turned off", console.Output);
        console.Type("echo $((6 * 7)) $(uname -s); poweroff -f\n");
        at = console.WaitFor(@"^42 Linux$", at);
        Assert.True(console.WaitForExit(60), console.Output);
    }

    // epoll and poll on the console while a line is typed (console.c as init):
    // the same lines on both kernels. The typed line's echo may come before or
    // after the program's next line, so it is left out.
    [Theory]
    [InlineData("linux")]
    [InlineData("kerla")]
    public void TheConsoleIsReadyWhenALineIsTyped(string kernel)
    {
        string dir = Directory.CreateTempSubdirectory("kerla-console").FullName;
        string initrd = Initramfs.Pack(dir, new Dictionary<string, string> { ["/init"] = Initramfs.Compile("console.c", "musl-gcc -static", dir) });
        using var console = new Console(initrd, kernel == "linux" ? Qemu.LinuxKernel() : null);
        int at = console.WaitFor(@"^type a line$");
        console.Type("hello\n");
        at = console.WaitFor(@"^=== end$", at);
        string output = console.Output;
        int start = output.IndexOf("=== begin\n");
        string[] lines = output.Substring(start, at - start).Split('\n').Where(line => line != "hello").ToArray();
        Assert.Equal(new[]
        {
            "=== begin",
            "epoll_ctl add the console = 0",
            "epoll_wait before any input = 0",
            "poll before any input = 0",
            "type a line",
            "epoll_wait for the line = 1",
            "  data 7, in 1",
            "epoll_wait again (edge-triggered) = 0",
            "poll with the line unread = 1",
            "read = 6",
            "  \"hello\"",
            "poll once read = 0",
            "=== end",
        }, lines);
        Assert.True(console.WaitForExit(60), console.Output);
    }

    [Fact]
    public void AShellSessionOnTheSerialConsole()
    {
        // The initramfs Kerla.Sdk built from the sample's items (KerlaBusyBox, KerlaInitramfsFile, ...).
        using var console = new Console(Qemu.SampleImage("initramfs.cpio"));
        int at = console.WaitFor(@"Welcome to Kerla for \.NET: Linux 6\.1\.0-kerla on x86_64");
        at = console.WaitFor(@"^/ # ", at);

        console.Type("echo typed $((6 * 7))\n");
        at = console.WaitFor(@"^typed 42$", at);
        at = console.WaitFor(@"^/ # ", at);

        // Erase (DEL) and retype, as a person corrects a typo.
        console.Type("echo abd\x7f" + "c\n");
        at = console.WaitFor(@"^abc$", at);
        at = console.WaitFor(@"^/ # ", at);

        console.Type("ls /bin | wc -l\n");
        // Up to the newline: the digits may arrive in more than one read.
        at = console.WaitFor(@"^\d+\n", at);
        string count = Regex.Match(console.Output.Substring(0, at), @"(\d+)\n$").Groups[1].Value;
        Assert.True(int.Parse(count) > 100, $"ls /bin | wc -l printed {count}");
        at = console.WaitFor(@"^/ # ", at);

        // Job control: ctrl-C ends the foreground job (the shell sees SIGINT's 128 + 2);
        // ctrl-Z stops one, fg continues it. The sleeps would outlast the test otherwise.
        console.Type("sleep 100\n");
        at = console.WaitFor(@"sleep 100\n", at);
        Thread.Sleep(1000);
        console.Type("\x03");
        at = console.WaitFor(@"^/ # ", at);
        console.Type("echo status $?\n");
        at = console.WaitFor(@"^status 130$", at);
        at = console.WaitFor(@"^/ # ", at);
        console.Type("sleep 100\n");
        at = console.WaitFor(@"sleep 100\n", at);
        Thread.Sleep(1000);
        console.Type("\x1a");
        at = console.WaitFor(@"\[1\]\+ +Stopped +sleep 100", at);
        at = console.WaitFor(@"^/ # ", at);
        console.Type("fg\n");
        at = console.WaitFor(@"^sleep 100$", at);
        Thread.Sleep(1000);
        console.Type("\x03");
        at = console.WaitFor(@"^/ # ", at);
        // A background job that reads the terminal stops with SIGTTIN.
        console.Type("cat &\n");
        at = console.WaitFor(@"^/ # ", at);
        Thread.Sleep(1000);
        console.Type("jobs\n");
        at = console.WaitFor(@"\[1\]\+ +Stopped \(tty input\) +cat", at);
        console.Type("kill -9 %1\n");
        at = console.WaitFor(@"^/ # ", at);
        Thread.Sleep(1000); // time for the job to die before the shell looks
        int before = at;
        console.Type("jobs; echo none left\n");
        at = console.WaitFor(@"^none left$", at);
        Assert.DoesNotContain("Stopped", console.Output.Substring(before, at - before));
        at = console.WaitFor(@"^/ # ", at);

        // Ctrl-D at the prompt: the shell (pid 1, exec'd by /init) exits, and so does the kernel.
        console.Type("\x04");
        console.WaitFor(@"Attempted to kill init! exitcode=0x00000000", at);
    }
}
