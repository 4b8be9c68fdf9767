namespace Kerla.Arch.X64.Cpu
{
    // The global descriptor table, in the order syscall/sysret require
    // (kernel code, kernel data, user data, user code), then the TSS.
    internal static unsafe class Gdt
    {
        internal const ushort KernelCode = 0x08;
        internal const ushort KernelData = 0x10;
        internal const ushort UserData = 0x18 | 3;
        internal const ushort UserCode = 0x20 | 3;
        internal const ushort Tss = 0x28;

        private struct Table
        {
            public fixed ulong Entries[7];
        }

        // The 64-bit TSS: stacks the CPU switches to (rsp0 from user mode, IST for
        // faults that must not trust the current stack).
        internal struct TaskStateSegment
        {
            public uint Reserved0;
            public fixed ulong Rsp[3];
            public ulong Reserved1;
            public fixed ulong Ist[7];
            public ulong Reserved2;
            public ushort Reserved3;
            public ushort IoMapBase;
        }

        private static Table s_table;
        internal static TaskStateSegment s_tss;

        // An emergency stack for double faults (IST 1): a stack overflow in the
        // kernel still gets reported.
        private struct EmergencyStack { public fixed byte Bytes[16384]; }
        private static EmergencyStack s_doubleFaultStack;

        internal static void Init()
        {
            fixed (Table* table = &s_table)
            fixed (TaskStateSegment* tss = &s_tss)
            fixed (EmergencyStack* stack = &s_doubleFaultStack)
            {
                table->Entries[0] = 0;
                table->Entries[1] = 0x00af9a000000ffff; // kernel code: present, ring 0, 64-bit
                table->Entries[2] = 0x00cf92000000ffff; // kernel data
                table->Entries[3] = 0x00cff2000000ffff; // user data: ring 3
                table->Entries[4] = 0x00affa000000ffff; // user code: ring 3, 64-bit
                tss->Ist[0] = (ulong)(stack + 1);
                tss->IoMapBase = (ushort)sizeof(TaskStateSegment);
                ulong base_ = (ulong)tss;
                ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
                table->Entries[5] = (limit & 0xffff) | ((base_ & 0xffffff) << 16) | (0x89UL << 40) |
                                    ((limit >> 16 & 0xf) << 48) | ((base_ >> 24 & 0xff) << 56);
                table->Entries[6] = base_ >> 32;

                DescriptorPointer pointer;
                pointer.Limit = (ushort)(sizeof(Table) - 1);
                pointer.Base = (ulong)table;
                Native.Lgdt(&pointer, KernelCode, KernelData);
                Native.Ltr(Tss);
            }
        }
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
    internal struct DescriptorPointer
    {
        public ushort Limit;
        public ulong Base;
    }
}
