namespace Kerla.Kernel.Memory
{
    // Giving kernel objects back to the heap (docs/memory.md): the owner frees
    // what it allocated once nothing refers to it. The host tests compile a
    // version of this class that leaves the work to the BCL's collector.
    public static class KernelObjects
    {
        public static void Free(object? o)
        {
            if (o is not null) Kerla.Runtime.ObjectAllocator.Free(o);
        }
    }
}
