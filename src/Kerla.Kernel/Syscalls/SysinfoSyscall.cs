using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // sysinfo(2): uptime, memory from the page allocator, the number of processes.
    // No load average yet (the scheduler does not measure it): 0.
    public static class SysinfoSyscall
    {
        [Syscall(SyscallNumber.Sysinfo)]
        public static SyscallResult Handle(UserPtr<byte> info)
        {
            Span<byte> bytes = stackalloc byte[Sysinfo.Size];
            bytes.Clear();
            var s = new Sysinfo(bytes);
            s.uptime = (long)(KernelHost.Platform.NanosecondsSinceBoot / 1000000000);
            s.totalram = KernelHost.Pages.TotalPages * Memory.PageAllocator.PageSize;
            s.freeram = KernelHost.Pages.FreePages * Memory.PageAllocator.PageSize;
            s.procs = (ushort)Process.Scheduler.TaskCount;
            s.mem_unit = 1;
            return UserMemory.Write(info, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
