using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Exec
{
    // Maps an ELF image into the current address space and builds the initial
    // stack the System V x86_64 ABI describes: argc, argv, envp, the auxiliary
    // vector, and the strings and random bytes they point at.
    public static class ExecLoader
    {
        private const ulong PageSize = 4096;
        // Where a position-independent executable goes (Linux uses a random base
        // near 2/3 of the address space; a fixed one until ASLR).
        public const ulong PieBase = 0x0000555555554000;
        public const ulong StackTop = 0x00007ffffffff000;
        private const int StackPages = 32;

        // auxv types (include/uapi/linux/auxvec.h).
        private const ulong AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7, AT_FLAGS = 8,
            AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16,
            AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31;

        // The stack mapping grows on demand down to 8 MiB (RLIMIT_STACK's default).
        private const ulong StackSize = 8 * 1024 * 1024;

        // path: as execve got it (AT_EXECFN); exePath: the absolute path, which
        // names the program's mappings and stays with the process.
        public static Errno Load(ElfImage image, Fs.Inode file, string[] argv, string[] envp, string path, string exePath,
            Process.UserProcess process, out ulong entry, out ulong stackPointer)
        {
            entry = stackPointer = 0;
            Platform platform = KernelHost.Platform;
            Memory.AddressSpace space = process.Memory;
            if (image.HasInterpreter) return Errno.ENOEXEC;   // dynamic linking is not supported yet
            ulong bias = image.PositionIndependent ? PieBase : 0;

            // Map every page writable first, copy, then give each page its final access
            // (the union of the segments that share it).
            foreach (ElfSegment s in image.Segments)
            {
                for (ulong page = (s.VirtualAddress & ~(PageSize - 1)) + bias; page < s.VirtualAddress + s.MemorySize + bias; page += PageSize)
                    if (!platform.MapUserPage(page, writable: true, executable: false) && !platform.ProtectUserPage(page, true, false))
                        return Errno.ENOMEM;
                if (file.ReadToUser(null, (long)s.FileOffset, s.VirtualAddress + bias, (long)s.FileSize) != (long)s.FileSize) return Errno.EFAULT;
            }
            ulong highest = 0;
            foreach (ElfSegment s in image.Segments)
            {
                var protection = (s.Readable ? Memory.Protection.Read : 0) | (s.Writable ? Memory.Protection.Write : 0) |
                    (s.Executable ? Memory.Protection.Exec : 0);
                ulong first = (s.VirtualAddress & ~(PageSize - 1)) + bias, last = Memory.AddressSpace.PageUp(s.VirtualAddress + s.MemorySize + bias);
                // Segments sharing a page: the later one takes the rest of its range.
                while (space.Find(first) >= 0 && first < last) first += PageSize;
                if (first < last && !space.Add(first, last, protection, exePath)) return Errno.ENOMEM;
                if (last > highest) highest = last;
                for (ulong page = (s.VirtualAddress & ~(PageSize - 1)) + bias; page < s.VirtualAddress + s.MemorySize + bias; page += PageSize)
                {
                    bool writable = false, executable = false;
                    foreach (ElfSegment other in image.Segments)
                    {
                        ulong start = (other.VirtualAddress & ~(PageSize - 1)) + bias, end = other.VirtualAddress + other.MemorySize + bias;
                        if (page < start || page >= end) continue;
                        writable |= other.Writable;
                        executable |= other.Executable;
                    }
                    platform.ProtectUserPage(page, writable, executable);
                }
            }

            space.SetBrkStart(highest);
            var stackProtection = Memory.Protection.Read | Memory.Protection.Write | (image.ExecutableStack ? Memory.Protection.Exec : 0);
            if (!space.Add(StackTop - StackSize, StackTop, stackProtection, "[stack]")) return Errno.ENOMEM;
            for (ulong page = StackTop - StackPages * PageSize; page < StackTop; page += PageSize)
                if (!platform.MapUserPage(page, writable: true, executable: image.ExecutableStack)) return Errno.ENOMEM;

            ulong phdr = 0;
            foreach (ElfSegment s in image.Segments)
                if (image.ProgramHeaderOffset >= s.FileOffset && image.ProgramHeaderOffset < s.FileOffset + s.FileSize)
                    phdr = s.VirtualAddress + (image.ProgramHeaderOffset - s.FileOffset) + bias;

            // Strings at the top of the stack, then the vectors below them.
            ulong sp = StackTop;
            ulong execfn = PushString(ref sp, path);
            ulong platformName = PushString(ref sp, "x86_64");
            Span<byte> random = stackalloc byte[16];
            Crypto.Crng.Fill(random);
            sp -= 16;
            if (!platform.CopyToUser(sp, random)) return Errno.EFAULT;
            ulong randomAddress = sp;
            ulong[] argvAddresses = new ulong[argv.Length];
            for (int i = 0; i < argv.Length; i++) argvAddresses[i] = PushString(ref sp, argv[i]);
            ulong[] envpAddresses = new ulong[envp.Length];
            for (int i = 0; i < envp.Length; i++) envpAddresses[i] = PushString(ref sp, envp[i]);

            ulong[] auxv =
            {
                AT_PHDR, phdr, AT_PHENT, (ulong)image.ProgramHeaderSize, AT_PHNUM, (ulong)image.ProgramHeaderCount,
                AT_PAGESZ, PageSize, AT_BASE, 0, AT_FLAGS, 0, AT_ENTRY, image.Entry + bias,
                AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_SECURE, 0,
                AT_HWCAP, platform.HardwareCapabilities, AT_CLKTCK, 100, AT_RANDOM, randomAddress,
                AT_EXECFN, execfn, AT_PLATFORM, platformName, AT_NULL, 0,
            };
            int words = 1 + argv.Length + 1 + envp.Length + 1 + auxv.Length;
            sp = (sp - (ulong)words * 8) & ~15UL;   // rsp is 16-byte aligned at the entry point
            Span<byte> vector = words * 8 <= 4096 ? stackalloc byte[words * 8] : new byte[words * 8];
            int w = 0;
            void Word(Span<byte> v, ulong value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(v.Slice(w++ * 8), value);
            Word(vector, (ulong)argv.Length);
            foreach (ulong a in argvAddresses) Word(vector, a);
            Word(vector, 0);
            foreach (ulong e in envpAddresses) Word(vector, e);
            Word(vector, 0);
            foreach (ulong a in auxv) Word(vector, a);
            bool copied = platform.CopyToUser(sp, vector);
            Memory.KernelObjects.Free(argvAddresses);
            Memory.KernelObjects.Free(envpAddresses);
            Memory.KernelObjects.Free(auxv);
            if (!copied) return Errno.EFAULT;

            entry = image.Entry + bias;
            stackPointer = sp;
            return 0;
        }

        private static ulong PushString(ref ulong sp, string text)
        {
            Span<byte> bytes = text.Length < 256 ? stackalloc byte[text.Length + 1] : new byte[text.Length + 1];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            bytes[text.Length] = 0;
            sp -= (ulong)bytes.Length;
            KernelHost.Platform.CopyToUser(sp, bytes);
            return sp;
        }
    }
}
