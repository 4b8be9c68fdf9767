namespace Internal.Runtime
{
    // ilc's type descriptor, as ilc 10 lays it out (the compiler finds this type by
    // name). A private contract of the compiler: pinned with the ilc version.
    //   0x00 flags, 0x04 base size, 0x08 related type, 0x10 vtable slot count,
    //   0x12 interface count, 0x14 hash code, 0x18 vtable, then the interface map,
    //   then relative pointers to optional data.
    internal unsafe struct MethodTable
    {
        internal uint _uFlags;
        internal uint _uBaseSize;
        internal MethodTable* _relatedType;
        internal ushort _usNumVtableSlots;
        internal ushort _usNumInterfaces;
        internal uint _uHashCode;

        private const uint HasComponentSizeFlag = 0x80000000;
        private const uint KindMask = 0x00030000;
        private const uint ParameterizedKind = 0x00020000;
        private const uint HasDispatchMapFlag = 0x00040000;
        private const uint HasFinalizerFlag = 0x00100000;
        private const uint HasSealedVTableEntriesFlag = 0x00400000;
        private const uint HasPointersFlag = 0x01000000;
        private const uint ElementTypeMask = 0x7C000000;
        private const int ElementTypeShift = 26;

        internal const int ElementTypeValueType = 0x10;
        internal const int ElementTypeNullable = 0x12;
        internal const int ElementTypeClass = 0x14;
        internal const int ElementTypeInterface = 0x15;
        internal const int ElementTypeArray = 0x17;
        internal const int ElementTypeSzArray = 0x18;

        internal uint BaseSize => _uBaseSize;
        internal bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;
        internal ushort ComponentSize => HasComponentSize ? (ushort)_uFlags : (ushort)0;
        internal int ElementType => (int)((_uFlags & ElementTypeMask) >> ElementTypeShift);
        internal bool IsInterface => ElementType == ElementTypeInterface;
        internal bool IsValueType => ElementType < ElementTypeClass;
        internal bool IsNullable => ElementType == ElementTypeNullable;
        internal bool IsArray => ElementType == ElementTypeArray || ElementType == ElementTypeSzArray;
        internal bool IsParameterized => (_uFlags & KindMask) == ParameterizedKind;
        internal bool HasPointers => (_uFlags & HasPointersFlag) != 0;

        // For classes the base type; for arrays and pointers the element type.
        internal MethodTable* RelatedType => _relatedType;
        internal MethodTable* BaseType => IsParameterized ? null : _relatedType;
        internal ushort NumVtableSlots => _usNumVtableSlots;
        internal ushort NumInterfaces => _usNumInterfaces;

        // A boxed value follows the object header and MethodTable; the base size also
        // counts padding (extended flags bits 5-7) that is not part of the value.
        internal uint ValueTypeSize => _uBaseSize - (uint)(2 * sizeof(nint)) - ((_uFlags & 0xE0) >> 5);

        internal nint* VTable
        {
            get { fixed (MethodTable* self = &this) return (nint*)((byte*)self + sizeof(MethodTable)); }
        }

        internal MethodTable** InterfaceMap => (MethodTable**)(VTable + _usNumVtableSlots);

        // Optional fields follow the interface map as 32-bit relative pointers:
        // type manager, writable data, [dispatch map], [finalizer], [sealed vtable], ...
        private int* OptionalFields => (int*)(InterfaceMap + _usNumInterfaces);

        private static void* FollowRelative(int* field) => (byte*)field + *field;

        internal DispatchMap* DispatchMap =>
            (_uFlags & HasDispatchMapFlag) == 0 ? null : (DispatchMap*)FollowRelative(OptionalFields + 2);

        internal nint GetSealedVirtualSlot(int index)
        {
            int* field = OptionalFields + 2;
            if ((_uFlags & HasDispatchMapFlag) != 0) field++;
            if ((_uFlags & HasFinalizerFlag) != 0) field++;
            int* table = (int*)FollowRelative(field);
            return (nint)FollowRelative(table + index);
        }

        internal bool HasSealedVTableEntries => (_uFlags & HasSealedVTableEntriesFlag) != 0;

        // Expanded by ilc to the address of T's MethodTable.
        [System.Runtime.CompilerServices.Intrinsic]
        internal static extern MethodTable* Of<T>();
    }

    // Header of a type's interface dispatch map; 6-byte entries follow.
    internal struct DispatchMap
    {
        internal ushort StandardEntryCount;
        internal ushort DefaultEntryCount;
        internal ushort StandardStaticEntryCount;
        internal ushort DefaultStaticEntryCount;
    }

    internal struct DispatchMapEntry
    {
        internal ushort InterfaceIndex;
        internal ushort InterfaceMethodSlot;
        internal ushort ImplMethodSlot;
    }
}
