using Kerla.Kernel.Boot;

namespace Kerla.Kernel.Tests;

// The kernel command line, split as Linux documents it (admin-guide/kernel-parameters).
public class CommandLineTests
{
    [Fact]
    public void NamesWithAndWithoutValues()
    {
        var line = new CommandLine("console=ttyS0 quiet init=/sbin/init loglevel=3");
        Assert.Equal(4, line.Count);
        Assert.Equal("ttyS0", line.Get("console"));
        Assert.Equal("/sbin/init", line.Get("init"));
        Assert.True(line.Has("quiet"));
        Assert.Equal("", line.Get("quiet"));
        Assert.Null(line.Get("root"));
        Assert.Equal(3, line.GetInt("loglevel", 7));
    }

    [Fact]
    public void LaterValuesOverrideEarlierOnes()
    {
        var line = new CommandLine("loglevel=4 loglevel=7");
        Assert.Equal(7, line.GetInt("loglevel", 0));
    }

    [Fact]
    public void QuotesKeepSpacesAndAreRemoved()
    {
        var line = new CommandLine("init=\"/bin/sh -x\" \"kerla.test=self test\" x");
        Assert.Equal("/bin/sh -x", line.Get("init"));
        Assert.Equal("self test", line.Get("kerla.test"));
        Assert.True(line.Has("x"));
        Assert.Equal(3, line.Count);
    }

    [Fact]
    public void EverythingAfterDoubleDashGoesToInit()
    {
        var line = new CommandLine("console=ttyS0 -- single arg=1");
        Assert.Equal(1, line.Count);
        Assert.Equal(new[] { "single", "arg=1" }, line.InitArguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void EmptyLinesHaveNoParameters(string text)
    {
        var line = new CommandLine(text);
        Assert.Equal(0, line.Count);
        Assert.Empty(line.InitArguments);
    }

    [Fact]
    public void ManyParametersGrowTheTable()
    {
        string text = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"p{i}={i}"));
        var line = new CommandLine(text);
        Assert.Equal(40, line.Count);
        Assert.Equal("39", line.Get("p39"));
    }

    [Theory]
    [InlineData("loglevel=abc")]
    [InlineData("loglevel=")]
    [InlineData("loglevel=-1")]
    [InlineData("loglevel=99999999999999")]
    public void BadNumbersFallBack(string text) => Assert.Equal(7, new CommandLine(text).GetInt("loglevel", 7));
}
