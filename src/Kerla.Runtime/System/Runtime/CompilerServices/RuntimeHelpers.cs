namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        // Objects never move (no compacting collector), so the address is a stable hash.
        public static unsafe int GetHashCode(object? o)
        {
            if (o is null) return 0;
            nuint address = (nuint)Unsafe.AsPointer(ref Unsafe.As<RawData>(o).Data);
            return (int)(address >> 3) ^ (int)(address >> 35);
        }

        [Intrinsic] public static bool IsReferenceOrContainsReferences<T>() => throw null!;

        public static int OffsetToStringData => 12;

        // Array initialisers (`new byte[] { 1, 2, 3 }`): the JIT expands this intrinsic
        // into a copy from the image. The body runs only if it could not (a
        // non-constant field handle), which the kernel never does.
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) =>
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowFeatureBodyRemoved();

        [Intrinsic] public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => throw null!;

        public static void EnsureSufficientExecutionStack() { }
    }

    public static class RuntimeFeature
    {
        public const string PortablePdb = nameof(PortablePdb);
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
        public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string ByRefFields = nameof(ByRefFields);
        public const string ByRefLikeGenerics = nameof(ByRefLikeGenerics);
    }
}
