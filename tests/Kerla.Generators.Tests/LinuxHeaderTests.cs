using System.Text.RegularExpressions;

namespace Kerla.Generators.Tests;

// The declarative lists against the host's Linux UAPI headers (Debian package
// linux-libc-dev): syscall numbers and names, errno values and messages.
public class LinuxHeaderTests
{
    private static string Header(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package linux-libc-dev");
        return File.ReadAllText(path);
    }

    private static Dictionary<string, long> EnumMembers(string file, string enumName)
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KernelSources", file));
        var members = new Dictionary<string, long>();
        foreach (Match m in Regex.Matches(source, @"^\s*(?:\[[^\]]*\]\s*)?(\w+) = (\d+),", RegexOptions.Multiline))
            members[m.Groups[1].Value] = long.Parse(m.Groups[2].Value);
        Assert.Contains($"enum {enumName}", source);
        return members;
    }

    [Fact]
    public void EverySyscallOfTheHeaderHasItsNumberAndName()
    {
        var members = EnumMembers("SyscallNumber.cs", "SyscallNumber");
        var header = Regex.Matches(Header("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"), @"#define __NR_(\w+) (\d+)")
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        Assert.True(header.Count > 300);
        Assert.Equal(header.Count, members.Count);
        foreach (var (member, number) in members)
        {
            string linux = KnownNames.LinuxName(member);
            Assert.True(header.TryGetValue(linux, out long expected), $"SyscallNumber.{member} ({linux}) is not in asm/unistd_64.h");
            Assert.True(expected == number, $"SyscallNumber.{member} is {number}, asm/unistd_64.h says __NR_{linux} is {expected}");
        }
    }

    [Fact]
    public void EveryErrnoOfTheHeadersHasItsValueAndMessage()
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KernelSources", "Errno.cs"));
        var ours = Regex.Matches(source, @"(?:\[Description\(""([^""]*)""\)\] )?(E[A-Z0-9]+) = (\w+),")
            .ToDictionary(m => m.Groups[2].Value, m => (Value: m.Groups[3].Value, Message: m.Groups[1].Value));
        var header = Regex.Matches(
                Header("/usr/include/asm-generic/errno-base.h") + Header("/usr/include/asm-generic/errno.h"),
                @"#define\s+(E[A-Z0-9]+)\s+(\w+)\s*(?:/\*\s*(.*?)\s*\*/)?")
            .ToDictionary(m => m.Groups[1].Value, m => (Value: m.Groups[2].Value, Message: m.Groups[3].Value));
        Assert.True(header.Count >= 130);
        Assert.Equal(header.Keys.Order(), ours.Keys.Order());
        foreach (var (name, (value, message)) in header)
        {
            Assert.True(ours[name].Value == value, $"Errno.{name} is {ours[name].Value}, the header says {value}");
            if (!value.StartsWith('E')) Assert.True(ours[name].Message == message, $"Errno.{name}: \"{ours[name].Message}\" vs \"{message}\"");
        }
    }
}
