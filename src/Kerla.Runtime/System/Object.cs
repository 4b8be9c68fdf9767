using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // The root of every reference type. The compiler lays the MethodTable pointer
    // in the first field; the allocator writes it there.
    public unsafe class Object
    {
#pragma warning disable CS0649
        internal MethodTable* m_pMethodTable;
#pragma warning restore CS0649

        public Object() { }

        // No finalizers run in the kernel: objects are freed explicitly (docs/memory.md).
        ~Object() { }

        public virtual bool Equals(object? obj) => ReferenceEquals(this, obj);

        public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

        public virtual string? ToString() => "System.Object";

        public static bool ReferenceEquals(object? a, object? b) => a == b;

        public static bool Equals(object? a, object? b)
        {
            if (a == b) return true;
            if (a is null || b is null) return false;
            return a.Equals(b);
        }

        internal MethodTable* GetMethodTable() => m_pMethodTable;
    }
}
