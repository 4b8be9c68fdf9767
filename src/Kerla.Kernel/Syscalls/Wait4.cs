using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // wait4(2): reaps a child that has exited, or waits for one. pid > 0 is that
    // child, -1 any child, 0 a child in the caller's process group, < -1 one in
    // group -pid; WNOHANG does not wait; WUNTRACED and WCONTINUED report a child
    // that stopped or continued (once each).
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
                ReapIgnored(parent);
                bool any = false;
                for (int i = 0; i < parent.Children.Length; i++)
                {
                    UserProcess? child = parent.Children[i];
                    if (child is null || !Matches(child, pid, parent)) continue;
                    any = true;
                    int code;
                    if (child.IsZombie) code = child.WaitStatus;
                    else if ((options & WUNTRACED) != 0 && child.StopReport != 0) code = 0x7f | child.StopReport << 8;
                    else if ((options & WCONTINUED) != 0 && child.ContinueReport) code = 0xffff;
                    else continue;
                    Span<byte> status = stackalloc byte[4];
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(status, code);
                    if (!wstatus.IsNull && !UserMemory.Write(wstatus, status)) return Errno.EFAULT;
                    if (!rusage.IsNull && !Getrusage.Write(rusage, child.CpuWithReapedChildren)) return Errno.EFAULT;
                    int found = child.Pid;
                    if (child.IsZombie) Reap(parent, child);
                    else if ((code & 0xff) == 0x7f) child.StopReport = 0;
                    else child.ContinueReport = false;
                    return found;
                }
                if (!any) return Errno.ECHILD;
                if ((options & WNOHANG) != 0) return 0;
                if (Signals.Interrupted) return Signals.ERESTARTSYS;
                Scheduler.Block();
            }
        }

        private static bool Matches(UserProcess child, int pid, UserProcess parent) =>
            pid > 0 ? child.Pid == pid : pid == -1 || child.Pgid == (pid == 0 ? parent.Pgid : -pid);

        // Children nobody waits for (SIGCHLD ignored) are freed without a word.
        internal static void ReapIgnored(UserProcess parent)
        {
            for (int i = 0; i < parent.Children.Length; i++)
                if (parent.Children[i] is UserProcess child && child.IsZombie && child.AutoReap) Reap(parent, child);
        }

        // The child's CPU time becomes its parent's children time; the rest is freed.
        internal static void Reap(UserProcess parent, UserProcess child)
        {
            parent.ReapedChildrenCpu.Add(child.CpuWithReapedChildren);
            parent.RemoveChild(child);
            Platform platform = KernelHost.Platform;
            if (child.AddressSpaceRoot != 0) platform.DestroyAddressSpace(child.AddressSpaceRoot);
            if (child.Task is not null) platform.FreeTask(child.Task.Context);
            child.Release();
        }
    }
}
