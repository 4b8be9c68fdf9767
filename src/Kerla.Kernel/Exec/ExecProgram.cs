using System;
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
        public static Errno Run(UserProcess process, string path, string[] argv, string[] envp, out ulong entry, out ulong stack)
        {
            entry = stack = 0;
            Errno error = Vfs.Lookup(path, process.Cwd, followLast: true, out Inode? inode);
            if (error != 0) return error;
            if (inode!.IsDirectory) return Errno.EACCES;
            if (inode.Type != FileType.Regular || (inode.Mode & 0x49) == 0) return Errno.EACCES;
            byte[] file = new byte[inode.Size];
            inode.Read(0, file);
            ElfImage? image = ElfImage.Parse(file, out error);
            if (image is null)
            {
                Runtime.ObjectAllocator.Free(file);
                return error;
            }

            Platform platform = KernelHost.Platform;
            ulong oldRoot = process.AddressSpaceRoot;
            Memory.AddressSpace oldMemory = process.Memory;
            ulong root = platform.NewAddressSpace();
            if (root == 0) return Errno.ENOMEM;
            platform.SwitchAddressSpace(root);
            process.Memory = new Memory.AddressSpace();
            error = ExecLoader.Load(image, file, argv, envp, path, process, out entry, out stack);
            Runtime.ObjectAllocator.Free(file);
            if (error != 0)
            {
                if (oldRoot != 0) platform.SwitchAddressSpace(oldRoot);
                platform.DestroyAddressSpace(root);
                process.Memory = oldMemory;
                return error;
            }
            process.AddressSpaceRoot = root;
            if (oldRoot != 0) platform.DestroyAddressSpace(oldRoot);
            int slash = path.LastIndexOf('/');
            string name = path.Substring(slash + 1);
            process.Name = name.Length > 15 ? name.Substring(0, 15) : name;
            string cwd = Getcwd.PathOf(process.Cwd);
            process.ExePath = path.Length > 0 && path[0] == '/' ? path : string.Concat(cwd == "/" ? "" : cwd, "/", path);
            process.Files.CloseOnExecAll();
            return 0;
        }
    }
}
