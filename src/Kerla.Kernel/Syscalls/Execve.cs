using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // execve(2): runs another program in this process. On success nothing is
    // returned: the process continues at the new program's entry point.
    public static class Execve
    {
        private const int MaxStrings = 4096, MaxTotal = 128 * 1024;

        [Syscall(SyscallNumber.Execve)]
        public static SyscallResult Handle([TraceString] UserPtr<byte> pathname, UserPtr<byte> argv, UserPtr<byte> envp)
        {
            Errno e = FileHelpers.ReadPath(pathname, out string path);
            if (e != 0) return e;
            int total = 0;
            e = ReadStrings(argv, ref total, out string[] arguments);
            if (e != 0) return e;
            e = ReadStrings(envp, ref total, out string[] environment);
            if (e != 0) return e;
            UserProcess process = UserProcess.Current!;
            e = Exec.ExecProgram.Run(process, path, arguments, environment, out ulong entry, out ulong stack);
            // The strings are on the new program's stack now (or the exec failed).
            FreeStrings(arguments);
            FreeStrings(environment);
            Memory.KernelObjects.Free(path);
            if (e != 0) return e;
            KernelHost.Platform.SetUserReturn(entry, stack);
            return 0;
        }

        // A NULL-terminated array of string pointers (argv or envp; NULL itself is empty).
        private static Errno ReadStrings(UserPtr<byte> array, ref int total, out string[] strings)
        {
            strings = new string[0];
            if (array.IsNull) return 0;
            Span<byte> pointer = stackalloc byte[8];
            int count = 0;
            while (true)
            {
                if (count >= MaxStrings) return Errno.E2BIG;
                if (!UserMemory.Read(new UserPtr<byte>(array.Address + (ulong)count * 8), pointer)) return Errno.EFAULT;
                if (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(pointer) == 0) break;
                count++;
            }
            Memory.KernelObjects.Free(strings);
            strings = new string[count];
            for (int i = 0; i < count; i++)
            {
                if (!UserMemory.Read(new UserPtr<byte>(array.Address + (ulong)i * 8), pointer)) return Errno.EFAULT;
                ulong address = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(pointer);
                Errno e = FileHelpers.ReadPath(new UserPtr<byte>(address), out string value);
                if (e == Errno.ENAMETOOLONG) return Errno.E2BIG;
                if (e != 0) return e;
                total += value.Length + 1;
                if (total > MaxTotal) return Errno.E2BIG;
                strings[i] = value;
            }
            return 0;
        }

        private static void FreeStrings(string[] strings)
        {
            foreach (string s in strings) Memory.KernelObjects.Free(s);
            Memory.KernelObjects.Free(strings);
        }
    }
}
