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

        // The 64-bit TSS (Intel SDM vol. 3, 8.7): the stack the CPU switches to on
        // an interrupt from user mode (rsp0) and the IST stacks for faults that must
        // not trust the current stack. The hardware layout is packed: rsp0 at 4.
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 104)]
        internal struct TaskStateSegment
        {
            [System.Runtime.InteropServices.FieldOffset(4)] public ulong Rsp0;
            [System.Runtime.InteropServices.FieldOffset(36)] public ulong Ist1;
            [System.Runtime.InteropServices.FieldOffset(102)] public ushort IoMapBase;
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
                tss->Ist1 = (ulong)(stack + 1);
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
