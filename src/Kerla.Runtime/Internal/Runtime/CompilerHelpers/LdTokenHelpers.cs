using System;

namespace Internal.Runtime.CompilerHelpers
{
    // ilc turns `ldtoken` into calls of these with the address of the compiled
    // type or field descriptor.
    internal static class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(IntPtr pEEType) => new RuntimeTypeHandle { _value = pEEType };

        private static RuntimeMethodHandle GetRuntimeMethodHandle(IntPtr pHandleSignature) => new RuntimeMethodHandle { _value = pHandleSignature };

        private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr pHandleSignature) => new RuntimeFieldHandle { _value = pHandleSignature };

        private static Type? GetRuntimeType(IntPtr pEEType) => null;
    }
}
