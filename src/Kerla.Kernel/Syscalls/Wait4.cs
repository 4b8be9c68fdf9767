using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // wait4(2): reaps a child that has exited, or waits for one. pid > 0 is that
    // child, -1 any child, 0 a child in the caller's process group, < -1 one in
    // group -pid; WNOHANG does not wait.
    public static class Wait4
    {
        private const int WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8, __WALL = 0x40000000, __WCLONE = unchecked((int)0x80000000);

        [Syscall(SyscallNumber.Wait4)]
        public static SyscallResult Handle(int pid, UserPtr<byte> wstatus, int options, UserPtr<byte> rusage)
        {
            if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE)) != 0) return Errno.EINVAL;
            if (pid == int.MinValue) return Errno.ESRCH; // -pid does not fit
            UserProcess parent = UserProcess.Current!;
            while (true)
            {
                bool any = false;
                for (int i = 0; i < parent.Children.Length; i++)
                {
                    UserProcess? child = parent.Children[i];
                    if (child is null || !Matches(child, pid, parent)) continue;
                    any = true;
                    if (!child.IsZombie) continue;
                    Span<byte> status = stackalloc byte[4];
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(status, child.WaitStatus);
                    if (!wstatus.IsNull && !UserMemory.Write(wstatus, status)) return Errno.EFAULT;
                    if (!rusage.IsNull && !Getrusage.Write(rusage, child.CpuWithReapedChildren)) return Errno.EFAULT;
                    int reaped = child.Pid;
                    Reap(parent, child);
                    return reaped;
                }
                if (!any) return Errno.ECHILD;
                if ((options & WNOHANG) != 0) return 0;
                Scheduler.Block();
            }
        }

        private static bool Matches(UserProcess child, int pid, UserProcess parent) =>
            pid > 0 ? child.Pid == pid : pid == -1 || child.Pgid == (pid == 0 ? parent.Pgid : -pid);

        // The child's CPU time becomes its parent's children time; the rest is freed.
        internal static void Reap(UserProcess parent, UserProcess child)
        {
            parent.ReapedChildrenCpu.Add(child.CpuWithReapedChildren);
            parent.RemoveChild(child);
            Platform platform = KernelHost.Platform;
            platform.DestroyAddressSpace(child.AddressSpaceRoot);
            if (child.Task is not null) platform.FreeTask(child.Task.Context);
            child.Release();
        }
    }
}
