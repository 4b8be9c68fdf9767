using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    // Block memory operations. ilc calls Memmove, Fill and the Clear methods by name
    // for struct copies, initblk and zeroing.
    internal static unsafe class SpanHelpers
    {
        [RuntimeImport("*", "memmove")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void* NativeMemmove(void* dest, void* src, nuint len);

        [RuntimeImport("*", "memset")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void* NativeMemset(void* dest, int value, nuint len);

        internal static void Memmove(ref byte dest, ref byte src, nuint len)
        {
            if (len != 0) NativeMemmove(Unsafe.AsPointer(ref dest), Unsafe.AsPointer(ref src), len);
        }

        internal static void Fill(ref byte dest, byte value, nuint len)
        {
            if (len != 0) NativeMemset(Unsafe.AsPointer(ref dest), value, len);
        }

        public static void ClearWithoutReferences(ref byte dest, nuint len)
        {
            if (len != 0) NativeMemset(Unsafe.AsPointer(ref dest), 0, len);
        }

        public static void ClearWithReferences(ref nint ip, nuint pointerSizeLength) =>
            ClearWithoutReferences(ref Unsafe.As<nint, byte>(ref ip), pointerSizeLength * (nuint)sizeof(nint));

        // Element-wise copy that handles overlap (Span.CopyTo).
        internal static void Copy<T>(ref T dest, ref T src, int count) =>
            Memmove(ref Unsafe.As<T, byte>(ref dest), ref Unsafe.As<T, byte>(ref src), (nuint)count * (nuint)Unsafe.SizeOf<T>());
    }

    public static class Buffer
    {
        internal static void Memmove(ref byte dest, ref byte src, nuint len) => SpanHelpers.Memmove(ref dest, ref src, len);

        // No moving collector: a reference copy is a byte copy.
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
            SpanHelpers.Memmove(ref destination, ref source, byteCount);

        public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count)
        {
            SpanHelpers.Memmove(ref Unsafe.Add(ref dst.GetRawArrayData(), dstOffset), ref Unsafe.Add(ref src.GetRawArrayData(), srcOffset), (nuint)count);
        }
    }
}
