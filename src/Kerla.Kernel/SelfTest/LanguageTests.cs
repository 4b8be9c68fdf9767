using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kerla.Runtime;
using static Kerla.Kernel.SelfTest.SelfTests;

namespace Kerla.Kernel.SelfTest
{
    // Probes of the C# features the kernel is written with, as ilc compiles them
    // against Kerla.Runtime.
    internal static class LanguageTests
    {
        internal static Test[] All() => new Test[]
        {
            new Test("classes and virtual methods", Virtuals),
            new Test("interfaces with many implementations", ManyImplementations),
            new Test("interface call site cache", CallSiteCache),
            new Test("default and static abstract interface members", InterfaceMembers),
            new Test("casts, is and as", Casts),
            new Test("boxing, enums and nullables", Boxing),
            new Test("generics", Generics),
            new Test("static constructors", StaticConstructors),
            new Test("strings and formatting", Strings),
            new Test("arrays", Arrays),
            new Test("struct layouts", Layouts),
            new Test("spans, stackalloc and ranges", Spans),
            new Test("delegates and closures", Delegates),
            new Test("try/finally and using", Finally),
            new Test("integer and floating-point arithmetic", Arithmetic),
            new Test("ref locals, tuples and inline arrays", Refs),
        };

        private abstract class Shape
        {
            public abstract long Area();
            public virtual string Kind => "shape";
        }

        private sealed class Square : Shape
        {
            private readonly long _side;
            public Square(long side) { _side = side; }
            public override long Area() => _side * _side;
            public override string Kind => "square";
        }

        private class Rect : Shape
        {
            protected readonly long W, H;
            public Rect(long w, long h) { W = w; H = h; }
            public override long Area() => W * H;
        }

        private sealed class Frame : Rect
        {
            public Frame(long w, long h) : base(w, h) { }
            public override long Area() => base.Area() - (W - 2) * (H - 2);
            public override string Kind => "frame";
        }

        private static void Virtuals()
        {
            Shape[] shapes = { new Square(3), new Rect(2, 5), new Frame(4, 4) };
            long total = 0;
            foreach (Shape s in shapes) total += s.Area();
            Equal(9 + 10 + 12, total, "sum of areas through virtual calls");
            Equal("square", shapes[0].Kind, "overridden property");
            Equal("shape", shapes[1].Kind, "inherited property");
            Equal("frame", shapes[2].Kind, "override of an override");
        }

        private interface IValue { int Get(); }
        private sealed class V1 : IValue { public int Get() => 1; }
        private sealed class V2 : IValue { public int Get() => 2; }
        private sealed class V3 : IValue { public int Get() => 3; }
        private sealed class V4 : IValue { public int Get() => 4; }
        private sealed class V5 : IValue { public int Get() => 5; }
        private sealed class V6 : IValue { public int Get() => 6; }
        private class V7 : IValue { public virtual int Get() => 7; }
        private sealed class V8 : V7 { public override int Get() => 8; }
        private struct V9 : IValue { public int Get() => 9; }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CallGet(IValue v) => v.Get();

        private static IValue[] Values() => new IValue[] { new V1(), new V2(), new V3(), new V4(), new V5(), new V6(), new V7(), new V8(), new V9() };

        private static void ManyImplementations()
        {
            IValue[] values = Values();
            int sum = 0;
            for (int i = 0; i < values.Length; i++) sum += CallGet(values[i]);
            Equal(45, sum, "sum over nine implementations");
        }

        // One call site sees the same type repeatedly (cache hits), then alternates
        // (misses past the limit, after which it stays on the slow path): the
        // answers must be right throughout.
        private static void CallSiteCache()
        {
            IValue[] values = Values();
            int sum = 0;
            for (int i = 0; i < 100; i++) sum += CallGet(values[2]);
            Equal(300, sum, "monomorphic call site");
            sum = 0;
            for (int i = 0; i < 90; i++) sum += CallGet(values[i % 9]);
            Equal(450, sum, "megamorphic call site");
        }

        private interface IGreeter
        {
            string Name { get; }
            string Greet() => string.Concat("hello ", Name);
        }

        private sealed class World : IGreeter { public string Name => "world"; }

        private interface IZero<T> where T : IZero<T> { static abstract T Zero { get; } int Value { get; } }
        private readonly struct Meters : IZero<Meters>
        {
            public Meters(int value) { Value = value; }
            public static Meters Zero => new Meters(42);
            public int Value { get; }
        }

        private static int ZeroOf<T>() where T : IZero<T> => T.Zero.Value;

        private static void InterfaceMembers()
        {
            IGreeter g = new World();
            Equal("hello world", g.Greet(), "default interface method");
            Equal(42, ZeroOf<Meters>(), "static abstract member through a constraint");
        }

        private static void Casts()
        {
            object s = "text";
            object shape = new Frame(3, 3);
            object values = new V8();
            Check(s is string, "a string is string");
            Check(!(s is Shape), "a string is not a Shape");
            Check(shape is Rect, "a Frame is a Rect (base class)");
            Check(shape is Shape, "a Frame is a Shape (two levels up)");
            Check(shape as Square is null, "as to an unrelated class gives null");
            Check(values is IValue, "a V8 is an IValue (interface from its base)");
            Check(values is V7, "a V8 is a V7");
            Check(!(shape is IValue), "a Frame is not an IValue");
            object[] strings = new string[] { "a" };
            Check(strings is string[], "string[] is string[]");
            Check(strings is object[], "string[] is object[] (covariance)");
            object ints = new int[1];
            Check(!(ints is object[]), "int[] is not object[]");
            Check(ints is Array, "int[] is an Array");
            Rect r = (Rect)shape;
            Equal(8, r.Area(), "area after a downcast");
        }

        private enum Color : byte { Red = 1, Green = 2, Blue = 4 }

        private struct Pair
        {
            public int A;
            public long B;
        }

        private static void Boxing()
        {
            object boxed = 1234;
            Check(boxed is int, "a boxed int is int");
            Equal(1234, (int)boxed, "unboxed value");
            object pair = new Pair { A = 5, B = 6L << 40 };
            Pair back = (Pair)pair;
            Equal(5, back.A, "struct field A after a round trip");
            Equal(6L << 40, back.B, "struct field B after a round trip");
            Color c = Color.Green | Color.Blue;
            object boxedColor = c;
            Equal(6, (byte)(Color)boxedColor, "enum round trip");
            int? some = 7;
            int? none = null;
            Equal(7, some ?? -1, "?? on a value");
            Equal(-1, none ?? -1, "?? on null");
            object? boxedNone = none;
            Check(boxedNone is null, "a null nullable boxes to null");
            object boxedSome = some!;
            Check(boxedSome is int, "a nullable with a value boxes to its value");
            int? unboxed = (int?)boxedSome;
            Equal(7, unboxed!.Value, "unboxing to a nullable");
            Equal("1234", boxed.ToString(), "ToString through the box");
        }

        private sealed class Box<T>
        {
            public T Value;
            public Box(T value) { Value = value; }
        }

        private struct Holder<T> { public T Item; }

        private static T Pick<T>(bool first, T a, T b) => first ? a : b;

        private static int CountNonNull<T>(T[] items) where T : class?
        {
            int count = 0;
            foreach (T item in items) if (item is not null) count++;
            return count;
        }

        private static void Generics()
        {
            var ints = new Box<int>(3);
            var strings = new Box<string>("s");
            var shapes = new Box<Shape>(new Square(2));
            Equal(3, ints.Value, "Box<int>");
            Equal("s", strings.Value, "Box<string> (shared code)");
            Equal(4, shapes.Value.Area(), "Box<Shape> (shared code)");
            var h = new Holder<long> { Item = 1L << 50 };
            Equal(1L << 50, h.Item, "generic struct");
            Equal(2, Pick(false, 1, 2), "generic method over int");
            Equal("a", Pick(true, "a", "b"), "generic method over string");
            Equal(2, CountNonNull(new object?[] { "x", null, new V1() }), "generic method over references");
        }

        private static class Preinitialized
        {
            public static readonly int[] Primes = { 2, 3, 5, 7 };
            public static readonly string Name = "pre";
        }

        private static class Lazy
        {
            public static int Runs;
            public static readonly int Value;
            static Lazy()
            {
                Runs++;
                Value = ComputeAtRuntime();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ComputeAtRuntime() => 40 + 2;

        private static void StaticConstructors()
        {
            Equal(4, Preinitialized.Primes.Length, "pre-initialised array length");
            Equal(7, Preinitialized.Primes[3], "pre-initialised array element");
            Equal("pre", Preinitialized.Name, "pre-initialised string");
            Equal(42, Lazy.Value, "value computed by a static constructor");
            Equal(42, Lazy.Value, "value on second access");
            Equal(1, Lazy.Runs, "the static constructor ran once");
        }

        private static void Strings()
        {
            string a = "ker";
            string b = string.Concat(a, "la");
            Equal(5, b.Length, "length of a concatenation");
            Check(b == "kerla", "string equality by value");
            Check(b != "kerlb", "string inequality");
            Equal("-123", (-123).ToString(), "negative int to string");
            Equal("18446744073709551615", ulong.MaxValue.ToString(), "ulong.MaxValue to string");
            Equal("-9223372036854775808", long.MinValue.ToString(), "long.MinValue to string");
            Equal("ff", 255.ToString("x"), "hex formatting");
            Equal("2.5", 2.5.ToString(), "double to string");
            Equal("True", true.ToString(), "bool to string");
            Equal("erl", b.Substring(1, 3), "Substring");
            Equal(3, b.IndexOf('l'), "IndexOf");
            Check(b.StartsWith("ker") && b.EndsWith("la"), "StartsWith/EndsWith");
            Equal("  7", "7".PadLeft(3), "PadLeft");
            Equal("xxx", new string('x', 3), "new string(char, count)");
            switch (b)
            {
                case "linux": Check(false, "switch on string picks the right case"); break;
                case "kerla": break;
                default: Check(false, "switch on string matches"); break;
            }
            Check(b.GetHashCode() == "kerla".GetHashCode(), "equal strings hash equally");
        }

        private static void Arrays()
        {
            int[][] jagged = new int[3][];
            for (int i = 0; i < 3; i++)
            {
                jagged[i] = new int[i + 1];
                for (int j = 0; j <= i; j++) jagged[i][j] = i * 10 + j;
            }
            Equal(21, jagged[2][1], "jagged array element");
            object[] objects = { "a", 1, new Square(1) };
            Check(objects[1] is int, "object array holds a boxed int");
            long[] longs = new long[] { 1, 2, 3 };
            Array.Resize(ref longs, 5);
            Equal(5, longs.Length, "Array.Resize length");
            Equal(3, longs[2], "Array.Resize keeps elements");
            byte[] data = { 1, 2, 3, 4 };
            byte[] copy = new byte[4];
            Array.Copy(data, 1, copy, 0, 3);
            Equal(4, copy[2], "Array.Copy");
            Equal(0, Array.Empty<int>().Length, "Array.Empty");
        }

        [StructLayout(LayoutKind.Explicit)]
        private struct Overlay
        {
            [FieldOffset(0)] public ulong Whole;
            [FieldOffset(0)] public uint Low;
            [FieldOffset(4)] public uint High;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        private struct Packed
        {
            public byte Tag;
            public uint Value;
        }

        private static void Layouts()
        {
            var o = new Overlay { Whole = 0x1122334455667788 };
            Equal(0x55667788, o.Low, "explicit layout low half");
            Equal(0x11223344, o.High, "explicit layout high half");
            Equal(5, Unsafe.SizeOf<Packed>(), "Pack=1 struct size");
            Equal(8, Unsafe.SizeOf<Overlay>(), "explicit struct size");
        }

        private static void Spans()
        {
            Span<int> numbers = stackalloc int[8];
            for (int i = 0; i < numbers.Length; i++) numbers[i] = i * i;
            Span<int> middle = numbers[2..5];
            Equal(3, middle.Length, "range slice length");
            Equal(4, middle[0], "range slice first element");
            Equal(49, numbers[^1], "index from end");
            int[] target = new int[3];
            middle.CopyTo(target);
            Equal(16, target[2], "CopyTo an array");
            numbers.Slice(6).Fill(-1);
            Equal(-1, numbers[7], "Fill");
            ReadOnlySpan<char> text = "hello kernel";
            Equal(6, text.IndexOf('k'), "IndexOf on a span");
            Check(text.Slice(6).SequenceEqual("kernel"), "SequenceEqual");
            ReadOnlySpan<byte> bytes = new byte[] { 0x78, 0x56, 0x34, 0x12 };
            Equal(0x12345678, MemoryMarshal.Read<uint>(bytes), "MemoryMarshal.Read");
        }

        private static int s_counter;
        private static void Increment() => s_counter++;

        private static void Delegates()
        {
            Action a = Increment;
            a();
            a();
            Equal(2, s_counter, "static method delegate");
            int captured = 10;
            Func<int, int> add = x => x + captured;
            captured = 20;
            Equal(25, add(5), "closure sees the captured variable");
            var square = new Square(6);
            Func<long> area = square.Area;
            Equal(36, area(), "instance method delegate");
            Func<int, int, int> mul = static (x, y) => x * y;
            Equal(42, mul(6, 7), "static lambda");
            IValue v = new V5();
            Func<int> viaInterface = v.Get;
            Equal(5, viaInterface(), "delegate to an interface method");
        }

        private sealed class Resource : IDisposable
        {
            public static int Disposed;
            public void Dispose() => Disposed++;
        }

        private static int ReturnThroughFinally(ref int log)
        {
            try { log = 1; return 5; }
            finally { log = 2; }
        }

        private static void Finally()
        {
            int log = 0;
            Equal(5, ReturnThroughFinally(ref log), "return value through finally");
            Equal(2, log, "finally ran");
            using (new Resource()) { }
            using (var r = new Resource()) { Equal(1, Resource.Disposed, "first using disposed"); }
            Equal(2, Resource.Disposed, "second using disposed");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long Opaque(long x) => x;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double OpaqueD(double x) => x;

        private static void Arithmetic()
        {
            Equal(unchecked((long)0x8000000000000000), Opaque(long.MaxValue) + 1 - 0 + long.MinValue - long.MinValue - 0 + unchecked(0L), "64-bit wrap-around");
            Equal(-7 / 2, Opaque(-7) / 2, "signed division truncates");
            Equal(-1, Opaque(-7) % 2, "signed remainder");
            Equal(0x7fffffff, (long)((ulong)Opaque(-1) >> 33), "unsigned shift");
            double d = OpaqueD(10.0) / 4.0;
            Equal(2500, (long)(d * 1000), "double division");
            Equal(3, (long)Math.Round(OpaqueD(2.5) + 0.5), "Math.Round");
            Equal(3, (long)(OpaqueD(7.5) % 2.0 * 2), "double remainder (fmod): 7.5 % 2 = 1.5");
            Equal(1UL << 63 == (ulong)(double)(1UL << 63) ? 1 : 0, 1, "ulong to double and back");
            float f = (float)OpaqueD(1.5);
            Equal(3, (long)(f * 2f), "float arithmetic");
        }

        [InlineArray(4)]
        private struct Four { private int _first; }

        private static (int, string) Two() => (7, "seven");

        private static void Refs()
        {
            int[] values = { 1, 2, 3 };
            ref int second = ref values[1];
            second = 20;
            Equal(20, values[1], "write through a ref local");
            var (n, name) = Two();
            Equal(7, n, "tuple item 1");
            Equal("seven", name, "tuple item 2");
            Four four = default;
            for (int i = 0; i < 4; i++) four[i] = i + 1;
            int sum = 0;
            foreach (int x in four) sum += x;
            Equal(10, sum, "inline array");
        }
    }
}
