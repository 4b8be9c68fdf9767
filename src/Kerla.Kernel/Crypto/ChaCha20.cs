using System;
using System.Buffers.Binary;

namespace Kerla.Kernel.Crypto
{
    // The ChaCha20 block function (RFC 8439, section 2.3): 64 bytes of keystream
    // from a 256-bit key, a block counter and a 96-bit nonce.
    public static class ChaCha20
    {
        public const int KeySize = 32, BlockSize = 64;

        public static void Block(ReadOnlySpan<byte> key, uint counter, ReadOnlySpan<byte> nonce, Span<byte> output)
        {
            Span<uint> state = stackalloc uint[16], x = stackalloc uint[16];
            state[0] = 0x61707865; state[1] = 0x3320646e; state[2] = 0x79622d32; state[3] = 0x6b206574; // "expand 32-byte k"
            for (int i = 0; i < 8; i++) state[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(i * 4));
            state[12] = counter;
            for (int i = 0; i < 3; i++) state[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce.Slice(i * 4));
            state.CopyTo(x);
            for (int round = 0; round < 10; round++)
            {
                QuarterRound(x, 0, 4, 8, 12); QuarterRound(x, 1, 5, 9, 13); QuarterRound(x, 2, 6, 10, 14); QuarterRound(x, 3, 7, 11, 15);
                QuarterRound(x, 0, 5, 10, 15); QuarterRound(x, 1, 6, 11, 12); QuarterRound(x, 2, 7, 8, 13); QuarterRound(x, 3, 4, 9, 14);
            }
            for (int i = 0; i < 16; i++) BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(i * 4), x[i] + state[i]);
        }

        private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
        {
            x[a] += x[b]; x[d] = Rotate(x[d] ^ x[a], 16);
            x[c] += x[d]; x[b] = Rotate(x[b] ^ x[c], 12);
            x[a] += x[b]; x[d] = Rotate(x[d] ^ x[a], 8);
            x[c] += x[d]; x[b] = Rotate(x[b] ^ x[c], 7);
        }

        private static uint Rotate(uint v, int n) => (v << n) | (v >> (32 - n));
    }
}
