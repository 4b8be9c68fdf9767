using System;

namespace Kerla.Kernel.Crypto
{
    // The kernel's random numbers (getrandom(2), /dev/urandom, /dev/random,
    // AT_RANDOM), as Linux's crng: ChaCha20 keystream under a 256-bit key.
    // The key is seeded from the CPU's generator (RDRAND) when there is one,
    // else from timer jitter (weak under an emulator, but it differs per boot),
    // and mixed with fresh CPU randomness at most once a second, as Linux
    // reseeds; every request replaces the key with keystream ("fast key
    // erasure"), so earlier output cannot be recovered from the state. Writes
    // to /dev/urandom are mixed in.
    public static class Crng
    {
        private const ulong ReseedNanoseconds = 1000000000; // fresh CPU randomness at most once a second
        private static readonly byte[] s_key = new byte[ChaCha20.KeySize];
        private static readonly byte[] s_nonce = new byte[12];
        private static uint s_counter;
        private static bool s_seeded;
        private static ulong s_lastReseed;

        public static void Fill(Span<byte> output)
        {
            Seed();
            Platform platform = KernelHost.Platform;
            ulong now = platform.NanosecondsSinceBoot;
            Span<byte> block = stackalloc byte[ChaCha20.BlockSize];
            if (now - s_lastReseed >= ReseedNanoseconds)
            {
                s_lastReseed = now;
                if (platform.RandomBytes(block.Slice(0, ChaCha20.KeySize))) Mix(block.Slice(0, ChaCha20.KeySize));
            }
            // Each block's first half becomes the next key ("fast key erasure"),
            // its second half is output; whole blocks after the first for big requests.
            ChaCha20.Block(s_key, s_counter++, s_nonce, block);
            block.Slice(0, ChaCha20.KeySize).CopyTo(s_key);
            int done = Math.Min(ChaCha20.KeySize, output.Length);
            block.Slice(ChaCha20.KeySize, done).CopyTo(output);
            for (; done < output.Length; done += ChaCha20.BlockSize)
            {
                ChaCha20.Block(s_key, s_counter++, s_nonce, block);
                block.Slice(0, Math.Min(ChaCha20.BlockSize, output.Length - done)).CopyTo(output.Slice(done));
            }
            if (output.Length > ChaCha20.KeySize) Rekey();
            block.Clear();
        }

        // Data to stir into the key (what is written to /dev/urandom).
        public static void Mix(ReadOnlySpan<byte> data)
        {
            for (int done = 0; done < data.Length; done += ChaCha20.KeySize)
            {
                ReadOnlySpan<byte> chunk = data.Slice(done, Math.Min(ChaCha20.KeySize, data.Length - done));
                for (int i = 0; i < chunk.Length; i++) s_key[i] ^= chunk[i];
                Rekey();
            }
        }

        private static void Rekey()
        {
            Span<byte> block = stackalloc byte[ChaCha20.BlockSize];
            ChaCha20.Block(s_key, s_counter++, s_nonce, block);
            block.Slice(0, ChaCha20.KeySize).CopyTo(s_key);
            block.Clear();
        }

        private static void Seed()
        {
            if (s_seeded) return;
            s_seeded = true;
            Platform platform = KernelHost.Platform;
            s_lastReseed = platform.NanosecondsSinceBoot;
            Span<byte> seed = stackalloc byte[ChaCha20.KeySize];
            if (!platform.RandomBytes(seed))
            {
                // Timer jitter: how long loops of varying length take, in the low bits.
                ulong previous = platform.NanosecondsSinceBoot, stir = 0;
                for (int i = 0; i < 8 * ChaCha20.KeySize; i++)
                {
                    for (ulong s = (previous & 0xff) * 16; s > 0; s--) stir += platform.NanosecondsSinceBoot;
                    ulong now = platform.NanosecondsSinceBoot;
                    seed[i % ChaCha20.KeySize] ^= (byte)((now - previous) ^ (stir >> 3) ^ ((ulong)i << 5));
                    previous = now;
                }
                seed[0] ^= (byte)platform.BootRealTime;
            }
            Mix(seed);
            seed.Clear();
        }
    }
}
