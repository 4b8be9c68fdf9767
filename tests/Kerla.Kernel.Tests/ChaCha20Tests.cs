using Kerla.Kernel.Crypto;

namespace Kerla.Kernel.Tests;

// The block function behind the kernel's random numbers, against RFC 8439.
public class ChaCha20Tests
{
    [Fact]
    public void BlockMatchesTheRfcTestVector()
    {
        // RFC 8439, 2.3.2: key 00..1f, nonce 00:00:00:09:00:00:00:4a:00:00:00:00, counter 1.
        byte[] key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] nonce = Convert.FromHexString("000000090000004a00000000");
        byte[] block = new byte[64];
        ChaCha20.Block(key, 1, nonce, block);
        Assert.Equal("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e" +
                     "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e", Convert.ToHexString(block).ToLowerInvariant());
    }

    [Fact]
    public void TheCounterGivesADifferentBlock()
    {
        byte[] key = new byte[32], nonce = new byte[12], first = new byte[64], second = new byte[64];
        ChaCha20.Block(key, 0, nonce, first);
        ChaCha20.Block(key, 1, nonce, second);
        Assert.NotEqual(first, second);
    }
}
