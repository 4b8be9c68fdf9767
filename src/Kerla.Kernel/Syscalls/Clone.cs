using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // clone(2) as fork uses it: a new process with a copy of the caller's memory
    // (copy-on-write), sharing its open files. Threads
    // (CLONE_VM, CLONE_THREAD, ...) are not supported yet: EINVAL.
    public static class Clone
    {
        private const ulong CSIGNAL = 0xff, SIGCHLD = 17;
        private const ulong CLONE_PARENT_SETTID = 0x00100000, CLONE_CHILD_CLEARTID = 0x00200000, CLONE_CHILD_SETTID = 0x01000000;

        [Syscall(SyscallNumber.Clone)]
        public static SyscallResult Handle(ulong flags, UserPtr<byte> newsp, UserPtr<byte> parentTid, UserPtr<byte> childTid, ulong tls)
        {
            ulong supported = CSIGNAL | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID;
            if ((flags & ~supported) != 0 || (flags & CSIGNAL) != SIGCHLD || !newsp.IsNull) return Errno.EINVAL;
            return Fork(flags, parentTid, childTid);
        }

        // MAP_SHARED memory stays one copy for parent and child.
        private static void ShareMappings(Memory.AddressSpace memory, ulong childRoot)
        {
            Platform platform = KernelHost.Platform;
            for (int i = 0; i < memory.Count; i++)
            {
                Memory.Vma v = memory[i];
                if (!v.Shared) continue;
                bool writable = (v.Protection & Memory.Protection.Write) != 0;
                for (ulong page = v.Start; page < v.End; page += Memory.AddressSpace.PageSize) platform.ShareUserPage(childRoot, page, writable);
            }
        }

        // Processes created since boot (/proc/metrics).
        public static ulong Forks { get; private set; }

        internal static SyscallResult Fork(ulong flags, UserPtr<byte> parentTid, UserPtr<byte> childTid, bool vfork = false)
        {
            Platform platform = KernelHost.Platform;
            UserProcess parent = UserProcess.Current!;
            Wait4.ReapIgnored(parent);
            ulong root = vfork ? parent.AddressSpaceRoot : platform.CloneAddressSpace();
            if (root == 0) return Errno.ENOMEM;
            TaskContext? context = platform.ForkCurrentTask();
            if (context is null)
            {
                if (!vfork) platform.DestroyAddressSpace(root);
                return Errno.ENOMEM;
            }
            UserProcess child = parent.Fork(shareMemory: vfork);
            if (!vfork) ShareMappings(parent.Memory, root);
            child.AddressSpaceRoot = root;
            child.Task = new Task(child, context);
            Span<byte> pid = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(pid, child.Pid);
            if ((flags & CLONE_PARENT_SETTID) != 0) UserMemory.Write(parentTid, pid);
            if ((flags & CLONE_CHILD_SETTID) != 0)
            {
                // Written in the child's memory, so switch to it for the copy.
                platform.SwitchAddressSpace(root);
                UserMemory.Write(childTid, pid);
                platform.SwitchAddressSpace(parent.AddressSpaceRoot);
            }
            if ((flags & CLONE_CHILD_CLEARTID) != 0) child.ClearChildTid = childTid.Address;
            Scheduler.Add(child.Task);
            Forks++;
            // vfork: the parent sleeps until the child gives its memory back.
            while (child.SharesParentMemory) Scheduler.Block();
            return child.Pid;
        }
    }
}
