using System;
using System.Buffers.Binary;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Process;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Exec
{
    // Replacing a process's program (execve(2)): the file must be an executable
    // x86_64 ELF; the new program gets a fresh address space, and the old one is
    // dropped only once the new one is loaded, so a failed exec returns to the
    // caller unharmed.
    public static class ExecProgram
    {
        // How many #! interpreters may lead to another (Linux's BINPRM_MAX_RECURSION).
        private const int MaxInterpreters = 4;

        public static Errno Run(UserProcess process, string path, string[] argv, string[] envp, out ulong entry, out ulong stack) =>
            Run(process, path, argv, envp, 0, out entry, out stack);

        private static Errno Run(UserProcess process, string path, string[] argv, string[] envp, int depth, out ulong entry, out ulong stack)
        {
            entry = stack = 0;
            Errno error = Vfs.Lookup(path, process.Cwd, followLast: true, out Inode? inode);
            if (error != 0) return error;
            if (inode!.IsDirectory) return Errno.EACCES;
            if (inode.Type != FileType.Regular || Permissions.Check(inode, Permissions.MAY_EXEC) != 0) return Errno.EACCES;
            // The headers (and a script's first line) are read here; the segments
            // go from the file straight to the new process's memory.
            byte[] copy = ReadHead(inode);
            ReadOnlySpan<byte> file = copy;
            if (file.Length >= 2 && file[0] == (byte)'#' && file[1] == (byte)'!')
            {
                error = Script(file, path, argv, out string interpreter, out string[] interpreterArgv);
                Memory.KernelObjects.Free(copy);
                if (error != 0) return error;
                if (depth >= MaxInterpreters) return Errno.ELOOP;
                return Run(process, interpreter, interpreterArgv, envp, depth + 1, out entry, out stack);
            }
            ElfImage? image = ElfImage.Parse(file, inode.Size, out error);
            if (image is null)
            {
                Memory.KernelObjects.Free(copy);
                return error;
            }
            Memory.AddressSpace oldMemory = process.Memory;

            Platform platform = KernelHost.Platform;
            ulong oldRoot = process.AddressSpaceRoot;
            ulong root = platform.NewAddressSpace();
            if (root == 0)
            {
                Memory.KernelObjects.Free(copy);
                image.Release();
                return Errno.ENOMEM;
            }
            platform.SwitchAddressSpace(root);
            process.Memory = new Memory.AddressSpace();
            string exePath = AbsolutePath(process, path);
            error = ExecLoader.Load(image, inode, argv, envp, path, exePath, process, out entry, out stack);
            Memory.KernelObjects.Free(copy);
            image.Release();
            // A vfork child's old memory is its parent's: left alone.
            bool shared = process.SharesParentMemory;
            Memory.AddressSpace unused = error != 0 ? process.Memory : oldMemory;
            if (error != 0 || !shared)
            {
                unused.Release();
                Memory.KernelObjects.Free(unused);
            }
            if (error != 0)
            {
                if (oldRoot != 0) platform.SwitchAddressSpace(oldRoot);
                platform.DestroyAddressSpace(root);
                process.Memory = oldMemory;
                Memory.KernelObjects.Free(exePath);
                return error;
            }
            process.AddressSpaceRoot = root;
            if (oldRoot != 0 && !shared) platform.DestroyAddressSpace(oldRoot);
            if (shared) process.EndVfork();
            int slash = path.LastIndexOf('/');
            process.SetName(new string(path.AsSpan(slash + 1, Math.Min(15, path.Length - slash - 1))));
            process.SetExePath(exePath);
            process.SetCommandLine(argv, envp);
            process.Files.CloseOnExecAll();
            process.ResetSignalsForExec();
            process.HasExeced = true;
            return 0;
        }

        // A new string: the file's path with symlinks resolved, for /proc/self/exe.
        private static string AbsolutePath(UserProcess process, string path) =>
            Vfs.CanonicalPath(path, process.Cwd) ?? new string(path.AsSpan());

        // The first KiB of the file (an ELF header and the usual program headers,
        // or a script's "#!" line, which Linux reads 256 bytes of), or more when
        // the program header table lies beyond it (up to 64 KiB).
        private static byte[] ReadHead(Inode inode)
        {
            byte[] head = new byte[Math.Min(inode.Size, 1024)];
            inode.Read(0, head);
            if (head.Length < 64 || !ElfImage.LooksLikeElf(head)) return head;
            ulong end = BinaryPrimitives.ReadUInt64LittleEndian(head.AsSpan(32)) + (ulong)BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(56)) * 56;
            if (end <= (ulong)head.Length || end > (ulong)Math.Min(inode.Size, 65536)) return head;
            Memory.KernelObjects.Free(head);
            head = new byte[end];
            inode.Read(0, head);
            return head;
        }

        // "#!interpreter [one argument]": the interpreter runs with the script's
        // path in place of argv[0] (execve(2), Interpreter scripts).
        private static Errno Script(ReadOnlySpan<byte> file, string path, string[] argv, out string interpreter, out string[] newArgv)
        {
            interpreter = "";
            newArgv = argv;
            int end = 2;
            while (end < file.Length && file[end] != (byte)'\n') end++;
            if (end - 2 > 255) return Errno.ENOEXEC;
            int start = 2;
            while (start < end && (file[start] == (byte)' ' || file[start] == (byte)'\t')) start++;
            int nameEnd = start;
            while (nameEnd < end && file[nameEnd] != (byte)' ' && file[nameEnd] != (byte)'\t') nameEnd++;
            if (nameEnd == start) return Errno.ENOEXEC;
            interpreter = Latin1(file, start, nameEnd);
            int argStart = nameEnd;
            while (argStart < end && (file[argStart] == (byte)' ' || file[argStart] == (byte)'\t')) argStart++;
            int argEnd = end;
            while (argEnd > argStart && (file[argEnd - 1] == (byte)' ' || file[argEnd - 1] == (byte)'\t' || file[argEnd - 1] == (byte)'\r')) argEnd--;
            bool hasArgument = argEnd > argStart;
            int rest = argv.Length > 0 ? argv.Length - 1 : 0;
            newArgv = new string[(hasArgument ? 3 : 2) + rest];
            int n = 0;
            newArgv[n++] = interpreter;
            if (hasArgument) newArgv[n++] = Latin1(file, argStart, argEnd);
            newArgv[n++] = path;
            for (int i = 1; i < argv.Length; i++) newArgv[n++] = argv[i];
            return 0;
        }

        private static string Latin1(ReadOnlySpan<byte> bytes, int start, int end)
        {
            char[] chars = new char[end - start];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)bytes[start + i];
            string text = new string(chars);
            Runtime.ObjectAllocator.Free(chars);
            return text;
        }
    }
}
