using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    // Casting helpers ilc calls by name for `is`, `as`, casts and array stores.
    internal static unsafe class TypeCast
    {
        internal static object? IsInstanceOfAny(MethodTable* target, object? obj) =>
            obj is null || IsAssignable(obj.m_pMethodTable, target) ? obj : null;

        internal static object? IsInstanceOfInterface(MethodTable* target, object? obj) =>
            obj is null || ImplementsInterface(obj.m_pMethodTable, target) ? obj : null;

        internal static object? IsInstanceOfClass(MethodTable* target, object? obj) =>
            obj is null || IsSubclassOrArrayOf(obj.m_pMethodTable, target) ? obj : null;

        internal static bool IsInstanceOfException(MethodTable* target, object? obj) =>
            obj is not null && IsSubclassOrArrayOf(obj.m_pMethodTable, target);

        internal static object? CheckCastAny(MethodTable* target, object? obj)
        {
            if (obj is not null && !IsAssignable(obj.m_pMethodTable, target)) ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        internal static object? CheckCastInterface(MethodTable* target, object? obj)
        {
            if (obj is not null && !ImplementsInterface(obj.m_pMethodTable, target)) ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        internal static object? CheckCastClass(MethodTable* target, object? obj)
        {
            if (obj is not null && !IsSubclassOrArrayOf(obj.m_pMethodTable, target)) ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        internal static object? CheckCastClassSpecial(MethodTable* target, object? obj) => CheckCastClass(target, obj);

        internal static void StelemRef(object?[] array, nint index, object? obj)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            if (obj is not null && !IsAssignable(obj.m_pMethodTable, array.m_pMethodTable->RelatedType))
                ThrowHelpers.ThrowArrayTypeMismatchException();
            Unsafe.Add(ref Unsafe.As<byte, object?>(ref array.GetRawArrayData()), index) = obj;
        }

        internal static ref object? LdelemaRef(object?[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            if (array.m_pMethodTable->RelatedType != elementType) ThrowHelpers.ThrowArrayTypeMismatchException();
            return ref Unsafe.Add(ref Unsafe.As<byte, object?>(ref array.GetRawArrayData()), index);
        }

        internal static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface) return ImplementsInterface(source, target);
            return IsSubclassOrArrayOf(source, target);
        }

        private static bool ImplementsInterface(MethodTable* source, MethodTable* target)
        {
            // ilc flattens inherited interfaces into each type's interface map.
            MethodTable** map = source->InterfaceMap;
            for (int i = 0; i < source->NumInterfaces; i++)
                if (map[i] == target) return true;
            return false;
        }

        private static bool IsSubclassOrArrayOf(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (source->IsArray)
            {
                if (target == MethodTable.Of<Array>() || target == MethodTable.Of<object>()) return true;
                if (!target->IsArray || source->ElementType != target->ElementType) return false;
                // Array covariance: a string[] is an object[]; an int[] is only an int[].
                MethodTable* sourceElement = source->RelatedType;
                MethodTable* targetElement = target->RelatedType;
                return !sourceElement->IsValueType && IsAssignable(sourceElement, targetElement);
            }
            if (source->IsParameterized) return false;
            for (MethodTable* t = source->BaseType; t != null; t = t->BaseType)
                if (t == target) return true;
            return false;
        }
    }
}
