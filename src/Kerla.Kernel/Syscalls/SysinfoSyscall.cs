using System;
using Kerla.Kernel.Abi;

namespace Kerla.Kernel.Syscalls
{
    // sysinfo(2): uptime, the load averages, memory from the page allocator,
    // the number of processes.
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
            // SI_LOAD_SHIFT is 16 fraction bits; the averages keep 11.
            for (int i = 0; i < 3; i++)
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(s.loads.Slice(i * 8),
                    Process.LoadAverage.Get(i) << (16 - Process.LoadAverage.FixedShift));
            s.mem_unit = 1;
            return UserMemory.Write(info, bytes) ? 0 : Errno.EFAULT;
        }
    }
}
