using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    // Boxing and generic allocation helpers ilc calls by name.
    internal static unsafe class RuntimeExports
    {
        [RuntimeExport("RhNewObject")]
        internal static object RhNewObject(MethodTable* type) => Kerla.Runtime.ObjectAllocator.AllocateObject(type);

        [RuntimeExport("RhNewArray")]
        internal static object RhNewArray(MethodTable* type, int length) => Kerla.Runtime.ObjectAllocator.AllocateArray(type, length);

        internal static object? RhBox(MethodTable* type, ref byte data)
        {
            ref byte source = ref data;
            if (type->IsNullable)
            {
                // A Nullable<T> boxes as null or as a boxed T.
                if (data == 0) return null;
                source = ref Unsafe.Add(ref data, (int)NullableValueOffset(type));
                type = type->RelatedType;
            }
            object result = Kerla.Runtime.ObjectAllocator.AllocateObject(type);
            Buffer.Memmove(ref Unsafe.As<RawData>(result).Data, ref source, type->ValueTypeSize);
            return result;
        }

        internal static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj is null || !UnboxCompatible(obj.m_pMethodTable, type)) ThrowHelpers.ThrowInvalidCastException();
            return ref Unsafe.As<RawData>(obj).Data;
        }

        internal static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object? obj)
        {
            MethodTable* valueType = nullableType->RelatedType;
            uint offset = NullableValueOffset(nullableType);
            if (obj is null)
            {
                SpanHelpers.ClearWithoutReferences(ref data, nullableType->ValueTypeSize);
                return;
            }
            if (!UnboxCompatible(obj.m_pMethodTable, valueType)) ThrowHelpers.ThrowInvalidCastException();
            data = 1;
            Buffer.Memmove(ref Unsafe.Add(ref data, (int)offset), ref Unsafe.As<RawData>(obj).Data, valueType->ValueTypeSize);
        }

        internal static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (!UnboxCompatible(boxType, type)) ThrowHelpers.ThrowInvalidCastException();
        }

        // An enum unboxes as its underlying primitive and back (ilc stores enums with
        // the primitive's element type).
        private static bool UnboxCompatible(MethodTable* boxed, MethodTable* wanted) =>
            boxed == wanted || (boxed->ElementType == wanted->ElementType && boxed->ElementType < MethodTable.ElementTypeValueType);

        // Extended flags bits 8-10 hold log2 of the value's offset inside Nullable<T>.
        private static uint NullableValueOffset(MethodTable* nullableType) => 1u << (int)((nullableType->_uFlags & 0x700) >> 8);
    }
}
