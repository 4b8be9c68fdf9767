using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace Kerla.Runtime
{
    // `new` for objects and arrays. An object reference points at its MethodTable
    // pointer; the 8-byte object header before it is counted in the base size.
    public static unsafe class ObjectAllocator
    {
        private const int ArrayBaseSize = 24;
        private const int MaxArrayLength = 0x7FFFFFC7;

        [RuntimeExport("RhpNewFast")]
        internal static object AllocateObject(MethodTable* type) => Place(type, type->BaseSize);

        [RuntimeExport("RhpNewFinalizable")]
        internal static object AllocateFinalizable(MethodTable* type) => Place(type, type->BaseSize);

        [RuntimeExport("RhpNewArrayFast")]
        internal static object AllocateArrayFast(MethodTable* type, nint length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        internal static object AllocatePointerArray(MethodTable* type, nint length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewArray")]
        internal static object AllocateArray(MethodTable* type, nint length)
        {
            if ((nuint)length > MaxArrayLength) ThrowHelpers.ThrowOverflowException();
            // Strings have base size 22 and a terminating NUL; arrays 24. Both count the header.
            nuint size = (type->BaseSize + type->ComponentSize * (nuint)length + 7) & ~(nuint)7;
            object result = Place(type, size);
            Unsafe.As<RawArrayData>(result).Length = (uint)length;
            return result;
        }

        private static object Place(MethodTable* type, nuint size)
        {
            nint address = (nint)(KernelHeap.Allocate(size) + sizeof(nint));
            object result = Unsafe.As<nint, object>(ref address);
            result.m_pMethodTable = type;
            return result;
        }

        // The bytes an object occupies, header included.
        public static nuint SizeOf(object o)
        {
            MethodTable* type = o.m_pMethodTable;
            nuint size = type->BaseSize;
            if (type->HasComponentSize) size += type->ComponentSize * (nuint)Unsafe.As<RawArrayData>(o).Length;
            return (size + 7) & ~(nuint)7;
        }

        // Returns an object's memory to the heap. The caller owns the object and
        // guarantees no reference to it remains (docs/memory.md).
        public static void Free(object o)
        {
            nuint size = SizeOf(o);
            byte* start = (byte*)Unsafe.As<object, nint>(ref o) - sizeof(nint);
            KernelHeap.Free(start, size);
        }

        // The address of an object's MethodTable: the panic path turns it into a type name.
        public static nuint TypeHandleOf(object o) => (nuint)o.m_pMethodTable;

        public static nuint AddressOf(object o) => (nuint)Unsafe.As<object, nint>(ref o);
    }
}
