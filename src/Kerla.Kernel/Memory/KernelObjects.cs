namespace Kerla.Kernel.Memory
{
    // Giving kernel objects back to the heap (docs/memory.md): the owner frees
    // what it allocated once nothing refers to it. The host tests compile a
    // version of this class that leaves the work to the BCL's collector.
    public static class KernelObjects
    {
        // An empty string is always string.Empty, which lives in the image: a
        // string made from an empty span (an empty argv entry) is that object.
        public static void Free(object? o)
        {
            if (o is null || (o is string s && s.Length == 0)) return;
            Kerla.Runtime.ObjectAllocator.Free(o);
        }
    }
}
