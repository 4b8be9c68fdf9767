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
            var root = new Fs.Tmpfs.TmpfsDirectory(null, 0x1ed, 0, 0);
            Vfs.MountRoot(root);
            string? error = Initramfs.Unpack(archive, root);
            if (error is not null)
            {
                Log.Error(string.Concat("Initramfs unpacking failed: ", error));
                Panic.Now("VFS: Unable to mount root fs");
            }
            Log.Info(string.Concat("initramfs: unpacked ", (archive.Length / 1024).ToString(), "K into the tmpfs root"));

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

        private static Errno Run(string path, string[] arguments)
        {
            Errno error = Vfs.Lookup(path, Vfs.Root!, followLast: true, out Inode? inode);
            if (error != 0) return error;
            if (inode!.Type != FileType.Regular || (inode.Mode & 0x49) == 0) return Errno.EACCES;
            byte[] file = new byte[inode.Size];
            inode.Read(0, file);
            ElfImage? image = ElfImage.Parse(file, out error);
            if (image is null) return error;
            string[] argv = new string[arguments.Length + 1];
            argv[0] = path;
            Array.Copy(arguments, 0, argv, 1, arguments.Length);
            string[] envp = { "HOME=/", "TERM=linux" };
            var process = new UserProcess(Pid);
            error = ExecLoader.Load(image, file, argv, envp, path, process, out ulong entryPoint, out ulong stack);
            if (error != 0) return error;
            int slash = path.LastIndexOf('/');
            string name = path.Substring(slash + 1);
            process.Name = name.Length > 15 ? name.Substring(0, 15) : name;
            process.ExePath = path[0] == '/' ? path : string.Concat("/", path);
            UserProcess.Current = process;
            Runtime.ObjectAllocator.Free(file);
            Log.Info(string.Concat("Run ", path, " as init process"));
            KernelHost.Platform.EnterUserMode(entryPoint, stack);
            return Errno.EFAULT;
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
