using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.CompilerHelpers
{
    // Module initialisation: ilc's image carries, per module, a header ("RTR")
    // listing sections. Before any static field of reference type is touched, each
    // GC static base must be allocated (and filled from its pre-initialised data);
    // then the eager static constructors and the [ModuleInitializer]s run.
    public static unsafe class StartupCodeHelpers
    {
        private const uint ReadyToRunSignature = 0x00525452; // "RTR"
        private const int GCStaticRegion = 201;
        private const int EagerCctor = 205;
        private const int ModuleInitializerList = 213;

        private struct ReadyToRunHeader
        {
            public uint Signature;
            public ushort MajorVersion;
            public ushort MinorVersion;
            public uint Flags;
            public ushort NumberOfSections;
            public byte EntrySize;
            public byte EntryType;
        }

        private struct ModuleInfoRow
        {
            public int SectionId;
            public int Flags;
            public byte* Start;
            public byte* End;
        }

        // `modules` is the linker-bracketed __modules section: one pointer per module header.
        public static void InitializeModules(nint* modulesStart, nint* modulesEnd)
        {
            for (nint* module = modulesStart; module < modulesEnd; module++)
            {
                if (*module == 0) continue;
                ReadyToRunHeader* header = (ReadyToRunHeader*)*module;
                if (header->Signature != ReadyToRunSignature)
                    Kerla.Runtime.RuntimeHost.FailFast("module header signature is not RTR");
                ModuleInfoRow* rows = (ModuleInfoRow*)(header + 1);
                for (int i = 0; i < header->NumberOfSections; i++)
                {
                    ModuleInfoRow* row = (ModuleInfoRow*)((byte*)rows + i * header->EntrySize);
                    if (row->SectionId == GCStaticRegion) InitializeStatics(row->Start, row->End);
                }
                for (int i = 0; i < header->NumberOfSections; i++)
                {
                    ModuleInfoRow* row = (ModuleInfoRow*)((byte*)rows + i * header->EntrySize);
                    if (row->SectionId == EagerCctor) RunInitializers(row->Start, row->End);
                }
                for (int i = 0; i < header->NumberOfSections; i++)
                {
                    ModuleInfoRow* row = (ModuleInfoRow*)((byte*)rows + i * header->EntrySize);
                    if (row->SectionId == ModuleInitializerList) RunInitializers(row->Start, row->End);
                }
            }
        }

        private static void* ReadRelative(void* address) => (byte*)address + *(int*)address;

        // Each entry is a relative pointer to a static base cell. The cell holds a
        // relative pointer to the base's MethodTable, tagged: bit 0 "not yet
        // allocated", bit 1 "pre-initialised data follows" (as a relative pointer in
        // the next 4 bytes). Allocating replaces the cell with the object reference.
        private static void InitializeStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += 4)
            {
                nint* cell = (nint*)ReadRelative(entry);
                nint tagged = (nint)ReadRelative(cell);
                if ((tagged & 1) == 0) continue;
                MethodTable* type = (MethodTable*)(tagged & ~(nint)3);
                object statics = Kerla.Runtime.ObjectAllocator.AllocateObject(type);
                if ((tagged & 2) != 0)
                {
                    byte* data = (byte*)ReadRelative((byte*)cell + 4);
                    nuint size = type->BaseSize - (nuint)(2 * sizeof(nint));
                    Buffer.Memmove(ref Unsafe.As<RawData>(statics).Data, ref *data, size);
                }
                *cell = Unsafe.As<object, nint>(ref statics);
            }
        }

        private static void RunInitializers(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += 4)
                ((delegate*<void>)ReadRelative(entry))();
        }
    }
}

namespace System.Runtime.CompilerServices
{
    // Where ilc keeps a lazily run static constructor: the address is cleared once it ran.
    public struct StaticClassConstructionContext
    {
        public nint cctorMethodAddress;
    }

    // One CPU and no threads yet: run the constructor the first time, clearing the
    // address first so a recursive access sees the statics as they are (as .NET does).
    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0) return;
            context->cctorMethodAddress = 0;
            ((delegate*<void>)cctor)();
        }
    }
}
