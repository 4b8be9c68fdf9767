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
        // The boot loader's initramfs and the one built into the image both go
        // into the root; a file in both comes from the boot loader's, as on Linux.
        public static bool Start(BootInfo bootInfo, CommandLine commandLine)
        {
            ReadOnlySpan<byte> embedded = KernelHost.Platform.EmbeddedInitramfs;
            if (bootInfo.Modules.Length == 0 && embedded.Length == 0) return false;
            var root = new Fs.Tmpfs.TmpfsDirectory(null, 0x1ed, 0, 0);
            Vfs.MountRoot(root);
            Initramfs.AddDefaults(root);
            if (bootInfo.Modules.Length > 0) Unpack(KernelHost.Platform.ModuleBytes(bootInfo.Modules[0]), root, "");
            if (embedded.Length > 0) Unpack(embedded, root, "built-in ");

            string[] candidates = { commandLine.Get("rdinit") ?? "/init", commandLine.Get("init") ?? "" };
            foreach (string path in candidates)
            {
                if (path.Length == 0) continue;
                Errno result = Run(path, commandLine.InitArguments);
                Log.Error(string.Concat("Failed to execute ", path, " (error -", ((int)result).ToString(), ")"));
            }
            Panic.Now("No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.");
            return true;
        }

        private static void Unpack(ReadOnlySpan<byte> archive, Fs.Tmpfs.TmpfsDirectory root, string which)
        {
            string? error = Initramfs.Unpack(archive, root);
            if (error is not null)
            {
                Log.Error(string.Concat("Initramfs unpacking failed: ", error));
                Panic.Now("VFS: Unable to mount root fs");
            }
            Log.Info(string.Concat(which, "initramfs: unpacked ", (archive.Length / 1024).ToString(), "K into the tmpfs root"));
        }

        private static Errno Run(string path, string[] arguments)
        {
            string[] argv = new string[arguments.Length + 1];
            argv[0] = path;
            Array.Copy(arguments, 0, argv, 1, arguments.Length);
            string[] envp = { "HOME=/", "TERM=linux" };
            var process = new UserProcess(Pid);
            Errno error = Exec.ExecProgram.Run(process, path, argv, envp, out ulong entryPoint, out ulong stack);
            if (error != 0) return error;
            TaskContext? context = KernelHost.Platform.NewUserTask(entryPoint, stack);
            if (context is null) return Errno.ENOMEM;
            process.Task = new Task(process, context);
            Process = process;
            UserProcess.Current = process;
            Log.Info(string.Concat("Run ", path, " as init process"));
            Scheduler.Start(process.Task);
            return Errno.EFAULT;
        }

        // The init process, which adopts orphans.
        public static UserProcess? Process { get; private set; }

        // init ending, whatever the reason, ends the kernel, as on Linux.
        public static void Killed(int waitStatus)
        {
            Panic.Now(string.Concat("Attempted to kill init! exitcode=0x", ((uint)waitStatus).ToString("x").PadLeft(8, '0')));
        }
    }
}
