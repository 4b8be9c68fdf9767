using Kerla.Arch.X64.Cpu;

namespace Kerla.Arch.X64.Interrupts
{
    // The interrupt descriptor table: every one of the 256 vectors goes to its stub
    // in asm/trap.asm, which calls Traps.Handle. Double faults run on their own stack.
    internal static unsafe class Idt
    {
        private struct Gate
        {
            public ushort OffsetLow;
            public ushort Selector;
            public byte Ist;
            public byte TypeAttributes;
            public ushort OffsetMiddle;
            public uint OffsetHigh;
            public uint Reserved;
        }

        private struct Table { public fixed byte Bytes[256 * 16]; }

        private static Table s_table;

        [System.Runtime.InteropServices.DllImport("*", EntryPoint = "trap_vectors_address"), System.Runtime.InteropServices.SuppressGCTransition]
        private static extern ulong* TrapVectors();

        internal static void Init()
        {
            ulong* vectors = TrapVectors();
            fixed (Table* table = &s_table)
            {
                Gate* gates = (Gate*)table;
                for (int v = 0; v < 256; v++)
                {
                    ulong handler = vectors[v];
                    gates[v].OffsetLow = (ushort)handler;
                    gates[v].Selector = Gdt.KernelCode;
                    gates[v].Ist = (byte)(v == 8 ? 1 : 0);
                    gates[v].TypeAttributes = 0x8e; // present, ring 0, interrupt gate
                    gates[v].OffsetMiddle = (ushort)(handler >> 16);
                    gates[v].OffsetHigh = (uint)(handler >> 32);
                }
                DescriptorPointer pointer;
                pointer.Limit = (ushort)(sizeof(Table) - 1);
                pointer.Base = (ulong)table;
                Native.Lidt(&pointer);
            }
        }
    }
}
