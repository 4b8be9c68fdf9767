using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // What the uid/gid syscalls (Getuid.cs, Setuid.cs, ...) share.
    internal static class CredentialHelpers
    {
        internal static Process.Credentials Current => UserProcess.Current!.Credentials;

        internal static bool Put(UserPtr<byte> pointer, uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            return UserMemory.Write(pointer, bytes);
        }
    }
}
