using System;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Syscalls
{
    // prctl(2): the calling thread's name (PR_SET_NAME, PR_GET_NAME). Other
    // options are not implemented yet and say so with EINVAL, as Linux does for
    // an option it does not know.
    public static class Prctl
    {
        public const int PR_SET_NAME = 15, PR_GET_NAME = 16;
        private const int NameLength = 16; // TASK_COMM_LEN
        private static readonly bool[] s_reported = new bool[128];

        [Syscall(SyscallNumber.Prctl)]
        public static SyscallResult Handle(int option, UserPtr<byte> arg2, ulong arg3, ulong arg4, ulong arg5)
        {
            UserProcess process = UserProcess.Current!;
            Span<byte> name = stackalloc byte[NameLength];
            switch (option)
            {
                case PR_SET_NAME:
                    if (!UserMemory.ReadCString(arg2.Address, name.Slice(0, NameLength - 1), out int length, out _)) return Errno.EFAULT;
                    Span<char> chars = stackalloc char[length];
                    for (int i = 0; i < length; i++) chars[i] = (char)name[i];
                    process.SetName(new string(chars));
                    return 0;
                case PR_GET_NAME:
                    name.Clear();
                    for (int i = 0; i < process.Name.Length && i < NameLength - 1; i++) name[i] = (byte)process.Name[i];
                    return UserMemory.Write(arg2, name) ? 0 : Errno.EFAULT;
                default:
                    if ((uint)option < 128 && !s_reported[option])
                    {
                        s_reported[option] = true;
                        Log.Warning(string.Concat("prctl option ", option.ToString(), " is not implemented: EINVAL"));
                    }
                    return Errno.EINVAL;
            }
        }
    }
}
