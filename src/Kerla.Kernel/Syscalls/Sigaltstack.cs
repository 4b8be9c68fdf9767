using System;
using Kerla.Kernel.Abi;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // sigaltstack(2): the stack SA_ONSTACK handlers run on. It cannot change
    // while in use (EPERM); smaller than MINSIGSTKSZ is ENOMEM; SS_AUTODISARM
    // disables it while a handler runs on it.
    public static class Sigaltstack
    {
        [Syscall(SyscallNumber.Sigaltstack)]
        public static SyscallResult Handle(UserPtr<byte> ss, UserPtr<byte> oldSs)
        {
            UserProcess process = UserProcess.Current!;
            KernelHost.Platform.GetUserRegisters(out UserRegisters registers);
            Span<byte> old = stackalloc byte[StackT.Size];
            old.Clear();
            var previous = new StackT(old);
            previous.ss_sp = process.AltStackBase;
            previous.ss_size = process.AltStackSize;
            previous.ss_flags = SignalFrame.AltStackFlags(process, registers.Rsp);
            if (!ss.IsNull)
            {
                Span<byte> bytes = stackalloc byte[StackT.Size];
                if (!UserMemory.Read(ss, bytes)) return Errno.EFAULT;
                var wanted = new StackT(bytes);
                Errno e = SignalFrame.SetAltStack(process, registers.Rsp, wanted.ss_sp, wanted.ss_flags, wanted.ss_size);
                if (e != 0) return e;
            }
            if (!oldSs.IsNull && !UserMemory.Write(oldSs, old)) return Errno.EFAULT;
            return 0;
        }
    }
}
