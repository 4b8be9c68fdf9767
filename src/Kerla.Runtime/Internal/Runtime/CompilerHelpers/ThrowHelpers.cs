using System;

namespace Internal.TypeSystem
{
    // Why ilc replaced a method body with a throw (it passes one of these).
    public enum ExceptionStringID { }
}

namespace Internal.Runtime.CompilerHelpers
{
    // ilc calls these by name from compiled code (bounds checks, null checks,
    // overflow, ...). Each throw ends in the kernel's panic path.
    internal static class ThrowHelpers
    {
        internal static void ThrowBodyRemoved() => throw new NotSupportedException("method body removed by the compiler");
        internal static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("feature removed by the compiler");
        internal static void ThrowInstanceBodyRemoved() => throw new NotSupportedException("instance method body removed by the compiler");
        internal static void ThrowUnavailableType() => throw new TypeLoadException();
        internal static void ThrowBadImageFormatException(Internal.TypeSystem.ExceptionStringID id) => throw new NotSupportedException("bad image format");
        internal static void ThrowTypeLoadException(Internal.TypeSystem.ExceptionStringID id, string className, string typeName) => throw new TypeLoadException();
        internal static void ThrowTypeLoadExceptionWithArgument(Internal.TypeSystem.ExceptionStringID id, string className, string typeName, string messageArg) => throw new TypeLoadException();
        internal static void ThrowMissingMethodException(Internal.TypeSystem.ExceptionStringID id, string methodName) => throw new NotSupportedException(string.Concat("missing method ", methodName));
        internal static void ThrowMissingFieldException(Internal.TypeSystem.ExceptionStringID id, string fieldName) => throw new NotSupportedException(string.Concat("missing field ", fieldName));
        internal static void ThrowFileNotFoundException(Internal.TypeSystem.ExceptionStringID id, string fileName) => throw new NotSupportedException(string.Concat("file not found ", fileName));
        internal static void ThrowInvalidProgramException(Internal.TypeSystem.ExceptionStringID id) => throw new NotSupportedException("invalid program");
        internal static void ThrowInvalidProgramExceptionWithArgument(Internal.TypeSystem.ExceptionStringID id, string methodName) => throw new NotSupportedException(string.Concat("invalid program in ", methodName));
        internal static void ThrowMarshalDirectiveException(Internal.TypeSystem.ExceptionStringID id) => throw new NotSupportedException("marshalling directive");
        internal static void ThrowAmbiguousMatchException(Internal.TypeSystem.ExceptionStringID id) => throw new NotSupportedException("ambiguous match");
        internal static void ThrowNotSupportedInlineArrayEqualsGetHashCode() => throw new NotSupportedException();
        internal static void ThrowNullReferenceException() => throw new NullReferenceException();
        internal static void ThrowArgumentException() => throw new ArgumentException();
        internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        internal static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        internal static void ThrowOverflowException() => throw new OverflowException();
        internal static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        internal static void ThrowNotImplementedException() => throw new NotImplementedException();
        internal static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        internal static void ThrowNotSupportedException() => throw new NotSupportedException();
        internal static void ThrowTypeNotSupportedException() => throw new NotSupportedException("type not supported");
        internal static void ThrowVerificationException(int ilOffset) => throw new NotSupportedException("unverifiable code");
        internal static void ThrowInvalidCastException() => throw new InvalidCastException();
        internal static void ThrowInvalidOperationException() => throw new InvalidOperationException();
    }
}
