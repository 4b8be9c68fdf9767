namespace System.Runtime
{
    // Gives a method a fixed native symbol name (ilc always emits it).
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { }
    }

    // A direct call to a native symbol: [MethodImpl(InternalCall), RuntimeImport("*", "sym")].
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string lib) { }
        public RuntimeImportAttribute(string lib, string entry) { }
    }
}
