using System;
using Kerla.Kernel.Boot;
using Kerla.Kernel.Exec;
using Kerla.Kernel.Fs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Process
{
    // Starting init from the initramfs the boot loader gave us, as Linux does:
    // rdinit= (default /init), then init=. Until processes exist, init is the
    // only user program; its exit or fatal signal ends the kernel with Linux's
    // "Attempted to kill init!".
    public static class Init
    {
        public const int Pid = 1;
        private const int MaxSymlinks = 8;

        // Returns false when there is no initramfs; otherwise runs init and never returns.
        public static bool Start(BootInfo bootInfo, CommandLine commandLine)
        {
            if (bootInfo.Modules.Length == 0) return false;
            ReadOnlySpan<byte> archive = KernelHost.Platform.ModuleBytes(bootInfo.Modules[0]);
            CpioEntry[]? entries = CpioNewc.Parse(archive, out string? error);
            if (entries is null)
            {
                Log.Error(string.Concat("Initramfs unpacking failed: ", error));
                return false;
            }
            Log.Info(string.Concat("initramfs: ", entries.Length.ToString(), " entries, ", (archive.Length / 1024).ToString(), "K"));

            string[] candidates = { commandLine.Get("rdinit") ?? "/init", commandLine.Get("init") ?? "" };
            foreach (string path in candidates)
            {
                if (path.Length == 0) continue;
                Errno result = Run(archive, entries, path, commandLine.InitArguments);
                Log.Error(string.Concat("Failed to execute ", path, " (error -", ((int)result).ToString(), ")"));
            }
            Panic.Now("No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.");
            return true;
        }

        private static Errno Run(ReadOnlySpan<byte> archive, CpioEntry[] entries, string path, string[] arguments)
        {
            int index = Find(archive, entries, path);
            if (index < 0) return Errno.ENOENT;
            CpioEntry entry = entries[index];
            if (!entry.IsRegular) return Errno.EACCES;
            ReadOnlySpan<byte> file = archive.Slice(entry.DataOffset, entry.DataLength);
            ElfImage? image = ElfImage.Parse(file, out Errno error);
            if (image is null) return error;
            string[] argv = new string[arguments.Length + 1];
            argv[0] = path;
            Array.Copy(arguments, 0, argv, 1, arguments.Length);
            string[] envp = { "HOME=/", "TERM=linux" };
            var process = new UserProcess(Pid);
            error = ExecLoader.Load(image, file, argv, envp, path, process, out ulong entryPoint, out ulong stack);
            if (error != 0) return error;
            int slash = path.LastIndexOf('/');
            process.Name = path.Substring(slash + 1);
            UserProcess.Current = process;
            Log.Info(string.Concat("Run ", path, " as init process"));
            KernelHost.Platform.EnterUserMode(entryPoint, stack);
            return Errno.EFAULT;
        }

        // An archive path, following symlinks inside the archive.
        private static int Find(ReadOnlySpan<byte> archive, CpioEntry[] entries, string path)
        {
            for (int hops = 0; hops <= MaxSymlinks; hops++)
            {
                string name = path.TrimStart('/');
                int found = -1;
                for (int i = 0; i < entries.Length; i++)
                    if (entries[i].Name == name) found = i;
                if (found < 0 || !entries[found].IsSymlink) return found;
                string target = Latin1(archive.Slice(entries[found].DataOffset, entries[found].DataLength));
                int slash = name.LastIndexOf('/');
                path = target.StartsWith("/") || slash < 0 ? target : string.Concat(name.Substring(0, slash + 1), target);
            }
            return -1;
        }

        private static string Latin1(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = stackalloc char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        // exit(2)/exit_group(2) of init: the wait status Linux reports (status << 8).
        public static void Exit(int status) => Killed((status & 0xff) << 8);

        // A fatal signal: the wait status is the signal number.
        public static void Killed(int waitStatus)
        {
            Panic.Now(string.Concat("Attempted to kill init! exitcode=0x", ((uint)waitStatus).ToString("x").PadLeft(8, '0')));
        }
    }
}
