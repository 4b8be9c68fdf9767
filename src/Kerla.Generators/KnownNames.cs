namespace Kerla.Generators
{
    // The kernel-side types the generators and analyzers look for, by metadata name.
    internal static class KnownNames
    {
        public const string SyscallAttribute = "Kerla.Kernel.Syscalls.SyscallAttribute";
        public const string SyscallNumber = "Kerla.Kernel.Syscalls.SyscallNumber";
        public const string SyscallResult = "Kerla.Kernel.Syscalls.SyscallResult";
        public const string Fd = "Kerla.Kernel.Syscalls.Fd";
        public const string UserPtr = "Kerla.Kernel.Syscalls.UserPtr`1";
        public const string TraceStringAttribute = "Kerla.Kernel.Syscalls.TraceStringAttribute";
        public const string TraceBufferAttribute = "Kerla.Kernel.Syscalls.TraceBufferAttribute";
        public const string ErrnoTableAttribute = "Kerla.Kernel.Syscalls.ErrnoTableAttribute";
        public const string SyscallNameTableAttribute = "Kerla.Kernel.Syscalls.SyscallNameTableAttribute";
        public const string LinuxStructAttribute = "Kerla.Kernel.Abi.LinuxStructAttribute";
        public const string FieldAttribute = "Kerla.Kernel.Abi.FieldAttribute";
        public const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";

        // SyscallNumber members are the Linux names in PascalCase: a word break
        // before each capital gives the name back; a leading underscore stays.
        public static string LinuxName(string member)
        {
            var name = new System.Text.StringBuilder(member.Length + 8);
            for (int i = 0; i < member.Length; i++)
            {
                char c = member[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && member[i - 1] != '_') name.Append('_');
                    name.Append(char.ToLowerInvariant(c));
                }
                else name.Append(c);
            }
            return name.ToString();
        }
    }
}
