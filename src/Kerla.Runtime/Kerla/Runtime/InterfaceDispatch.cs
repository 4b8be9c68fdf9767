using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Kerla.Runtime
{
    // Interface calls that ilc does not devirtualise go through a 16-byte cell per
    // call site: { stub, cache }. The call site puts the cell in r11 and calls the
    // stub. Unresolved, the stub is RhpInitialDynamicInterfaceDispatch (Arch's
    // runtime.asm) and the cache holds a relative pointer to the interface (+3);
    // the slot number sits in the terminator cell that ends each run of cells.
    //
    // Resolving a call site gives it a monomorphic cache: the cell's stub becomes
    // kerla_interface_dispatch_cached (one compare and a jump) and its cache points
    // at a CallSiteCache. A miss resolves again and replaces the cache; a site that
    // misses too often stays on the slow path for good.
    internal static unsafe class InterfaceDispatch
    {
        private const int MaxCacheMisses = 8;

        private struct DispatchCell
        {
            public nint Stub;
            public nint Cache;
        }

        private struct CallSiteCache
        {
            public MethodTable* Type;
            public nint Target;
            public MethodTable* Interface;
            public nint SlotAndMisses;
        }

        // Called by the dispatch stubs with the receiver, the cell, and the addresses
        // of the two stubs a cell can move to: { cached, slow }.
        [RuntimeExport("kerla_resolve_interface")]
        private static nint ResolveCallSite(object receiver, nint cellAddress, nint* stubs)
        {
            DispatchCell* cell = (DispatchCell*)cellAddress;
            MethodTable* type = receiver.m_pMethodTable;
            MethodTable* itf;
            int slot;
            int misses = 0;
            if ((cell->Cache & 3) == 3)
            {
                itf = (MethodTable*)(((nint)(&cell->Cache) + (int)cell->Cache) & ~(nint)3);
                slot = SlotOf(cell);
            }
            else
            {
                CallSiteCache* old = (CallSiteCache*)cell->Cache;
                itf = old->Interface;
                slot = (int)(old->SlotAndMisses & 0xffff);
                misses = (int)(old->SlotAndMisses >> 16) + 1;
            }

            nint target = Resolve(type, itf, slot);
            if (misses >= MaxCacheMisses)
            {
                cell->Stub = stubs[1];
                return target;
            }
            CallSiteCache* cache = (CallSiteCache*)KernelHeap.Allocate((nuint)sizeof(CallSiteCache));
            cache->Type = type;
            cache->Target = target;
            cache->Interface = itf;
            cache->SlotAndMisses = slot | ((nint)misses << 16);
            // One store publishes the whole cache; the old one is left for readers in flight.
            cell->Cache = (nint)cache;
            cell->Stub = stubs[0];
            return target;
        }

        // ldvirtftn on an interface method, and delegates to interface methods.
        [RuntimeExport("RhpResolveInterfaceMethod")]
        private static nint ResolveInterfaceMethod(object? receiver, nint cellAddress)
        {
            if (receiver is null) return 0;
            DispatchCell* cell = (DispatchCell*)cellAddress;
            if ((cell->Cache & 3) != 3)
            {
                CallSiteCache* cache = (CallSiteCache*)cell->Cache;
                return Resolve(receiver.m_pMethodTable, cache->Interface, (int)(cache->SlotAndMisses & 0xffff));
            }
            MethodTable* itf = (MethodTable*)(((nint)(&cell->Cache) + (int)cell->Cache) & ~(nint)3);
            return Resolve(receiver.m_pMethodTable, itf, SlotOf(cell));
        }

        // Cells come in runs that end with a terminator: stub 0, cache = slot | kind << 16.
        private static int SlotOf(DispatchCell* cell)
        {
            while (cell->Stub != 0) cell++;
            return (int)(cell->Cache & 0xffff);
        }

        // The type's own dispatch maps, then its bases'; then default interface methods.
        internal static nint Resolve(MethodTable* type, MethodTable* itf, int slot)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                for (MethodTable* t = type; t != null; t = t->IsArray ? MethodTable.Of<Array>() : t->BaseType)
                {
                    int implSlot = FindImplSlot(t, itf, slot, defaultMethods: pass == 1);
                    if (implSlot < 0) continue;
                    if (implSlot < t->NumVtableSlots) return type->VTable[implSlot];
                    if (implSlot >= 0xfffe) break;
                    return t->GetSealedVirtualSlot(implSlot - t->NumVtableSlots);
                }
            }
            RuntimeHost.FailFast("interface method not implemented by the receiver's type");
            return 0;
        }

        private static int FindImplSlot(MethodTable* type, MethodTable* itf, int slot, bool defaultMethods)
        {
            DispatchMap* map = type->DispatchMap;
            if (map == null) return -1;
            DispatchMapEntry* entries = (DispatchMapEntry*)(map + 1);
            int start = defaultMethods ? map->StandardEntryCount : 0;
            int end = defaultMethods ? map->StandardEntryCount + map->DefaultEntryCount : map->StandardEntryCount;
            for (int i = start; i < end; i++)
            {
                if (entries[i].InterfaceMethodSlot == slot && type->InterfaceMap[entries[i].InterfaceIndex] == itf)
                    return entries[i].ImplMethodSlot;
            }
            return -1;
        }
    }
}
