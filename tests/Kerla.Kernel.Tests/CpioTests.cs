using System.Text;
using Kerla.Kernel.Fs;

namespace Kerla.Kernel.Tests;

// initramfs archives made by the host's cpio (the tool Linux documents for them).
public class CpioTests
{
    private static byte[] MakeArchive(out string dir)
    {
        dir = Tools.TempDirectory("kerla-cpio");
        string root = Path.Combine(dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "init"), "#!/bin/sh\necho hello\n");
        File.WriteAllBytes(Path.Combine(root, "bin", "data"), Enumerable.Range(0, 5001).Select(i => (byte)i).ToArray());
        File.CreateSymbolicLink(Path.Combine(root, "bin", "sh"), "busybox");
        Tools.Run("chmod", "755 init", root);
        Tools.Run("sh", "-c 'find . | sort | cpio -o -H newc --quiet > ../initramfs.cpio'", root);
        return File.ReadAllBytes(Path.Combine(dir, "initramfs.cpio"));
    }

    [Fact]
    public void ReadsFilesDirectoriesAndSymlinks()
    {
        byte[] archive = MakeArchive(out _);
        CpioEntry[]? entries = CpioNewc.Parse(archive, out string? error);
        Assert.Null(error);
        var byName = entries!.ToDictionary(e => e.Name);
        Assert.True(byName["bin"].IsDirectory);
        CpioEntry init = byName["init"];
        Assert.True(init.IsRegular);
        Assert.Equal(0x81edu, init.Mode); // regular, 0755
        Assert.Equal("#!/bin/sh\necho hello\n", Encoding.ASCII.GetString(archive, init.DataOffset, init.DataLength));
        CpioEntry data = byName["bin/data"];
        Assert.Equal(5001, data.DataLength);
        Assert.Equal(Enumerable.Range(0, 5001).Select(i => (byte)i), archive.AsSpan(data.DataOffset, data.DataLength).ToArray());
        CpioEntry sh = byName["bin/sh"];
        Assert.True(sh.IsSymlink);
        Assert.Equal("busybox", Encoding.ASCII.GetString(archive, sh.DataOffset, sh.DataLength));
        Assert.DoesNotContain("TRAILER!!!", byName.Keys);
        Assert.Contains("", byName.Keys); // "." is the root
    }

    [Fact]
    public void ConcatenatedArchivesAreOneTree()
    {
        byte[] one = MakeArchive(out _);
        byte[] both = one.Concat(new byte[512]).Concat(one).ToArray();
        Assert.Equal(2 * CpioNewc.Parse(one, out _)!.Length, CpioNewc.Parse(both, out _)!.Length);
    }

    [Theory]
    [InlineData("bad magic")]
    [InlineData("bad hex")]
    [InlineData("name past the end")]
    [InlineData("data past the end")]
    public void MalformedArchivesAreErrors(string corruption)
    {
        byte[] archive = MakeArchive(out _);
        switch (corruption)
        {
            case "bad magic": archive[3] = (byte)'9'; break;
            case "bad hex": archive[6 + 8] = (byte)'g'; break;
            case "name past the end": Encoding.ASCII.GetBytes("7FFFFFFF").CopyTo(archive, 6 + 11 * 8); break;
            case "data past the end": Encoding.ASCII.GetBytes("7FFFFFFF").CopyTo(archive, 6 + 6 * 8); break;
        }
        Assert.Null(CpioNewc.Parse(archive, out string? error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TruncatedArchivesNeverReadPastTheEnd()
    {
        byte[] archive = MakeArchive(out _);
        for (int length = 0; length < archive.Length; length += 7)
            CpioNewc.Parse(archive.AsSpan(0, length), out _);
    }
}
