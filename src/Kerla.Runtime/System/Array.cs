using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    // Single-dimensional arrays: MethodTable*, a 32-bit length, padding, then the elements.
    public abstract class Array
    {
#pragma warning disable CS0649, CS0169
        private int _numComponents;
        private int _padding;
#pragma warning restore CS0649, CS0169

        public int Length => _numComponents;

        internal ref byte GetRawArrayData() => ref Unsafe.As<RawArrayData>(this).Data;

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
        {
            // Only same-typed arrays: the element size comes from the source's MethodTable.
            unsafe
            {
                if (source.m_pMethodTable != destination.m_pMethodTable) ThrowHelpers.ThrowArrayTypeMismatchException();
                if ((uint)sourceIndex > (uint)source.Length || (uint)length > (uint)(source.Length - sourceIndex) ||
                    (uint)destinationIndex > (uint)destination.Length || (uint)length > (uint)(destination.Length - destinationIndex))
                    ThrowHelpers.ThrowArgumentOutOfRangeException();
                nuint size = source.m_pMethodTable->ComponentSize;
                Buffer.Memmove(
                    ref Unsafe.AddByteOffset(ref destination.GetRawArrayData(), (nuint)destinationIndex * size),
                    ref Unsafe.AddByteOffset(ref source.GetRawArrayData(), (nuint)sourceIndex * size),
                    (nuint)length * size);
            }
        }

        public static void Copy(Array source, Array destination, int length) => Copy(source, 0, destination, 0, length);

        public static void Clear(Array array)
        {
            unsafe
            {
                SpanHelpers.ClearWithoutReferences(ref array.GetRawArrayData(), (nuint)array.Length * array.m_pMethodTable->ComponentSize);
            }
        }

        public static void Resize<T>([System.Diagnostics.CodeAnalysis.NotNull] ref T[]? array, int newSize)
        {
            T[] larger = new T[newSize];
            if (array is not null) Copy(array, larger, array.Length < newSize ? array.Length : newSize);
            array = larger;
        }

        private static class EmptyArray<T>
        {
            internal static readonly T[] Value = new T[0];
        }
    }

    // ilc's name for the generic array base; T[] derives from it.
    public class Array<T> : Array { }

    internal sealed class RawArrayData
    {
#pragma warning disable CS0649
        public uint Length;
        public uint Padding;
        public byte Data;
#pragma warning restore CS0649
    }

    internal sealed class RawData
    {
#pragma warning disable CS0649
        public byte Data;
#pragma warning restore CS0649
    }
}
