using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kerla.Generators
{
    // One field as laid out: C name, offset, size, the scalar kind (or an array or
    // a nested struct), all plain values.
    internal sealed record FieldModel(string Name, string CType, int Offset, int Size, string Scalar, int Count, string Nested);

    internal sealed record StructModel(
        string Namespace, string TypeName, string CName, string Header, string Prelude, int Size, int Alignment, bool Flexible,
        EquatableArray<FieldModel> Fields, EquatableArray<string> Errors);

    // [LinuxStruct("stat", "asm/stat.h")] with [Field("st_dev", "unsigned long")]
    // ... in C order (or with explicit offsets) → the layout (offset constants and
    // Size) and accessors that read and write the fields in a Span<byte>, so kernel
    // code fills user-space structures without unsafe code. C's x86_64 rules:
    // natural alignment, the struct padded to its largest member's alignment.
    [Generator(LanguageNames.CSharp)]
    public sealed class LinuxStructGenerator : IIncrementalGenerator
    {
        public const string StructsStep = "LinuxStructs";
        public const string CollectedStep = "LinuxStructsCollected";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var declared = context.SyntaxProvider.ForAttributeWithMetadataName(
                    KnownNames.LinuxStructAttribute,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.StructDeclarationSyntax,
                    static (ctx, _) => Declaration.Read((INamedTypeSymbol)ctx.TargetSymbol))
                .WithTrackingName(StructsStep);
            // Nested structs need each other's layouts: lay them all out together.
            var all = declared.Collect()
                .Select(static (items, _) => EquatableArray.From(Layout(items.ToList())))
                .WithTrackingName(CollectedStep);
            context.RegisterSourceOutput(all, static (spc, structs) =>
            {
                foreach (StructModel s in structs)
                {
                    foreach (string error in s.Errors)
                        spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.BadLinuxStruct, Location.None, s.TypeName, error));
                    if (s.Errors.Length == 0) spc.AddSource(s.TypeName + ".g.cs", Emit(s));
                }
            });
        }

        internal sealed record DeclaredField(string Name, string CType, int Offset);

        internal sealed record Declaration(string Namespace, string TypeName, string CName, string Header, string Prelude, int Size, bool Flexible, EquatableArray<DeclaredField> Fields)
        {
            public static Declaration Read(INamedTypeSymbol type)
            {
                AttributeData attribute = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == KnownNames.LinuxStructAttribute);
                int size = (int?)attribute.NamedArguments.FirstOrDefault(a => a.Key == "Size").Value.Value ?? 0;
                bool flexible = (bool?)attribute.NamedArguments.FirstOrDefault(a => a.Key == "Flexible").Value.Value ?? false;
                string prelude = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Prelude").Value.Value as string ?? "";
                var fields = type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.FieldAttribute)
                    .OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0)
                    .Select(a => new DeclaredField((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!,
                        (int?)a.NamedArguments.FirstOrDefault(n => n.Key == "Offset").Value.Value ?? -1));
                return new Declaration(type.ContainingNamespace.ToDisplayString(), type.Name,
                    (string)attribute.ConstructorArguments[0].Value!, (string)attribute.ConstructorArguments[1].Value!, prelude, size, flexible,
                    EquatableArray.From(fields));
            }
        }

        // Sizes of the C scalar types on x86_64 (LP64), and the accessor kind.
        private static readonly Dictionary<string, (int Size, string Scalar)> Scalars = new()
        {
            ["char"] = (1, "s8"), ["signed char"] = (1, "s8"), ["unsigned char"] = (1, "u8"), ["__u8"] = (1, "u8"), ["__s8"] = (1, "s8"),
            ["short"] = (2, "s16"), ["unsigned short"] = (2, "u16"), ["__u16"] = (2, "u16"), ["__s16"] = (2, "s16"), ["__be16"] = (2, "u16"),
            ["int"] = (4, "s32"), ["unsigned int"] = (4, "u32"), ["__u32"] = (4, "u32"), ["__s32"] = (4, "s32"), ["__be32"] = (4, "u32"),
            ["long"] = (8, "s64"), ["unsigned long"] = (8, "u64"), ["long long"] = (8, "s64"), ["unsigned long long"] = (8, "u64"),
            ["__u64"] = (8, "u64"), ["__s64"] = (8, "s64"), ["void *"] = (8, "u64"), ["size_t"] = (8, "u64"),
        };

        internal static List<StructModel> Layout(List<Declaration> declarations)
        {
            var done = new Dictionary<string, StructModel>();
            var result = new List<StructModel>();
            // Repeat until nothing new can be laid out (nested structs first).
            bool progress = true;
            while (progress)
            {
                progress = false;
                foreach (Declaration d in declarations)
                {
                    if (done.ContainsKey(d.CName)) continue;
                    StructModel? model = LayOut(d, done);
                    if (model is null) continue;
                    done[d.CName] = model;
                    result.Add(model);
                    progress = true;
                }
            }
            foreach (Declaration d in declarations.Where(d => !done.ContainsKey(d.CName)))
                result.Add(new StructModel(d.Namespace, d.TypeName, d.CName, d.Header, d.Prelude, 0, 1, d.Flexible, default,
                    EquatableArray.From(new[] { "it nests a struct that is not declared with [LinuxStruct], or a cycle" })));
            return result.OrderBy(s => s.TypeName).ToList();
        }

        // Null while a nested struct it needs has no layout yet.
        private static StructModel? LayOut(Declaration d, Dictionary<string, StructModel> done)
        {
            var fields = new List<FieldModel>();
            var errors = new List<string>();
            int offset = 0, alignment = 1;
            foreach (DeclaredField f in d.Fields)
            {
                string type = f.CType.Trim();
                int count = 1;
                int bracket = type.IndexOf('[');
                if (bracket > 0)
                {
                    if (!int.TryParse(type.Substring(bracket + 1).TrimEnd(']'), out count) || count < 0)
                    {
                        errors.Add($"field {f.Name}: bad array length in '{f.CType}'");
                        continue;
                    }
                    type = type.Substring(0, bracket).Trim();
                }
                int size, align;
                string scalar = "", nested = "";
                if (Scalars.TryGetValue(type, out var s))
                {
                    size = align = s.Size;
                    scalar = s.Scalar;
                }
                else if (type.StartsWith("struct "))
                {
                    if (!done.TryGetValue(type.Substring(7).Trim(), out StructModel? inner)) return null;
                    size = inner.Size;
                    align = inner.Alignment;
                    nested = inner.Namespace + "." + inner.TypeName;
                }
                else
                {
                    errors.Add($"field {f.Name}: unknown C type '{f.CType}'");
                    continue;
                }
                int at = f.Offset >= 0 ? f.Offset : (offset + align - 1) / align * align;
                fields.Add(new FieldModel(f.Name, f.CType, at, size * count, scalar, bracket > 0 ? count : 0, nested));
                offset = at + size * count > offset ? at + size * count : offset;
                if (align > alignment) alignment = align;
            }
            int total = (offset + alignment - 1) / alignment * alignment;
            if (d.Size > 0)
            {
                if (d.Size < offset) errors.Add($"declared size {d.Size} is smaller than its fields ({offset})");
                total = d.Size;
            }
            return new StructModel(d.Namespace, d.TypeName, d.CName, d.Header, d.Prelude, total, alignment, d.Flexible,
                EquatableArray.From(fields), EquatableArray.From(errors));
        }

        internal static string Emit(StructModel s)
        {
            var o = new StringBuilder();
            o.AppendLine("// <auto-generated/> by Kerla.Generators.LinuxStructGenerator");
            o.AppendLine("#nullable enable");
            o.AppendLine($"namespace {s.Namespace}");
            o.AppendLine("{");
            o.AppendLine($"    // struct {s.CName} ({s.Header}): {s.Size} bytes, checked against the header by the ABI tests.");
            o.AppendLine($"    public readonly ref partial struct {s.TypeName}");
            o.AppendLine("    {");
            o.AppendLine($"        public const int Size = {s.Size};");
            o.AppendLine();
            o.AppendLine("        // Field offsets: the explicit layout.");
            o.AppendLine("        public static class Layout");
            o.AppendLine("        {");
            foreach (FieldModel f in s.Fields) o.AppendLine($"            public const int {f.Name} = {f.Offset};");
            o.AppendLine("        }");
            o.AppendLine();
            o.AppendLine("        private readonly global::System.Span<byte> _bytes;");
            o.AppendLine();
            o.AppendLine($"        // A view of struct {s.CName} in `bytes` (at least Size bytes{(s.Flexible ? ", more for the trailing array" : "")}).");
            o.AppendLine($"        public {s.TypeName}(global::System.Span<byte> bytes)");
            o.AppendLine("        {");
            o.AppendLine("            if (bytes.Length < Size) throw new global::System.ArgumentOutOfRangeException(nameof(bytes));");
            o.AppendLine("            _bytes = bytes;");
            o.AppendLine("        }");
            o.AppendLine();
            o.AppendLine("        public global::System.Span<byte> Bytes => _bytes;");
            foreach (FieldModel f in s.Fields)
            {
                o.AppendLine();
                if (f.Nested.Length > 0 && f.Count == 0)
                {
                    o.AppendLine($"        public global::{f.Nested} {f.Name} => new global::{f.Nested}(_bytes.Slice({f.Offset}, {f.Size}));");
                }
                else if (f.Count > 0 || f.Nested.Length > 0)
                {
                    o.AppendLine($"        // {f.CType}");
                    o.AppendLine($"        public global::System.Span<byte> {f.Name} => _bytes.Slice({f.Offset}, {f.Size});");
                }
                else
                {
                    (string type, string read, string write) = Accessor(f.Scalar);
                    o.AppendLine($"        public {type} {f.Name}");
                    o.AppendLine("        {");
                    o.AppendLine($"            get => {string.Format(read, f.Offset)};");
                    o.AppendLine($"            set => {string.Format(write, f.Offset)};");
                    o.AppendLine("        }");
                }
            }
            o.AppendLine("    }");
            o.AppendLine("}");
            return o.ToString();
        }

        // Little-endian reads and writes; {0} is the offset.
        private static (string, string, string) Accessor(string scalar)
        {
            const string P = "global::System.Buffers.Binary.BinaryPrimitives.";
            return scalar switch
            {
                "u8" => ("byte", "_bytes[{0}]", "_bytes[{0}] = value"),
                "s8" => ("sbyte", "(sbyte)_bytes[{0}]", "_bytes[{0}] = (byte)value"),
                "u16" => ("ushort", P + "ReadUInt16LittleEndian(_bytes.Slice({0}))", P + "WriteUInt16LittleEndian(_bytes.Slice({0}), value)"),
                "s16" => ("short", P + "ReadInt16LittleEndian(_bytes.Slice({0}))", P + "WriteInt16LittleEndian(_bytes.Slice({0}), value)"),
                "u32" => ("uint", P + "ReadUInt32LittleEndian(_bytes.Slice({0}))", P + "WriteUInt32LittleEndian(_bytes.Slice({0}), value)"),
                "s32" => ("int", P + "ReadInt32LittleEndian(_bytes.Slice({0}))", P + "WriteInt32LittleEndian(_bytes.Slice({0}), value)"),
                "u64" => ("ulong", P + "ReadUInt64LittleEndian(_bytes.Slice({0}))", P + "WriteUInt64LittleEndian(_bytes.Slice({0}), value)"),
                _ => ("long", P + "ReadInt64LittleEndian(_bytes.Slice({0}))", P + "WriteInt64LittleEndian(_bytes.Slice({0}), value)"),
            };
        }
    }
}
