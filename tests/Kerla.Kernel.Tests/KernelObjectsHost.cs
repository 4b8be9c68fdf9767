namespace Kerla.Kernel.Memory;

// On the host the BCL's garbage collector frees objects.
public static class KernelObjects
{
    public static void Free(object? o) { }
}
