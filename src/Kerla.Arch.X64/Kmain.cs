using System;
using System.Runtime.InteropServices;
using Internal.Runtime.CompilerHelpers;
using Kerla.Arch.X64.Boot;
using Kerla.Arch.X64.Cpu;
using Kerla.Arch.X64.Diagnostics;
using Kerla.Arch.X64.Drivers;
using Kerla.Arch.X64.Interrupts;
using Kerla.Arch.X64.Memory;
using Kerla.Kernel;
using Kerla.Kernel.Boot;
using Kerla.Kernel.Memory;
using Kerla.Runtime;

namespace Kerla.Arch.X64
{
    // The first C# that runs: asm/boot.asm calls kmain in long mode, on the boot
    // stack, with the boot protocol and the physical address of its information.
    internal static unsafe class Kmain
    {
        private const int ProtocolPvh = 1, ProtocolMultiboot2 = 2;

        [UnmanagedCallersOnly(EntryPoint = "kmain")]
        private static void Main(uint protocol, ulong bootInfoPhysical)
        {
            X64Platform.StartClock(Native.Rdtsc());
            Serial16550.Init();
            // Measured first: every timestamp after this is in real time.
            X64Platform.CalibrateClock();
            X64Platform.ReadRealTimeClock();

            // Objects can be allocated from here on (from the boot arena); static
            // fields of reference type only after the modules are initialised.
            KernelLayout layout = KernelLayout.Read();
            KernelLayout.ReadBootArena(out ulong arenaStart, out ulong arenaEnd);
            KernelHeap.InitBootArena((nuint)arenaStart, (nuint)(arenaEnd - arenaStart));
            StartupCodeHelpers.InitializeModules((nint*)layout.ModulesStart, (nint*)layout.ModulesEnd);

            X64Platform.Layout = layout;
            var platform = new X64Platform();
            KernelHost.AttachPlatform(platform);
            KernelHost.AddPackage(PackageInfo.Name, PackageInfo.Version);
            Kerla.Kernel.SelfTest.SelfTests.Add(SelfTest.UnsafeLanguageTests.All());
            KernelSymbols.Init(layout);
            KernelHost.MarkPhase("clock+runtime");

            Gdt.Init();
            Idt.Init();
            UserCopy.Init();
            SyscallEntry.Init();
            KernelHost.MarkPhase("cpu");

            var memory = new DirectMapReader();
            BootInfo? bootInfo = null;
            string? error = "unknown boot protocol";
            if (protocol == ProtocolPvh) bootInfo = PvhStartInfo.Parse(memory, bootInfoPhysical, out error);
            else if (protocol == ProtocolMultiboot2) bootInfo = Multiboot2Info.Parse(memory, bootInfoPhysical, out error);
            if (bootInfo is null)
            {
                Panic.Now(string.Concat("cannot read the boot information: ", error));
                return;
            }

            var pages = new PageAllocator(bootInfo.MemoryMap);
            // Low memory (BIOS data, real-mode structures), the image, the boot data and modules.
            pages.Reserve(0, 0x100000);
            pages.Reserve(layout.PhysStart, layout.PhysEnd - layout.PhysStart);
            pages.Reserve(bootInfoPhysical, 4096);
            foreach (BootModule module in bootInfo.Modules) pages.Reserve(module.PhysicalAddress, module.Size);
            Paging.Init(layout.BootPml4, TopOfRam(bootInfo.MemoryMap), pages);
            KernelHeap.InstallPageSource(new DirectMapPageSource(pages));
            X64Platform.AttachPages(pages);
            KernelHost.AttachMemory(bootInfo, pages);
            SupervisorProtection.Enable();
            KernelHost.MarkPhase("memory");

            Pic8259.Init();
            Pit8254.StartPeriodic(X64Platform.Hz);
            Pic8259.Unmask(0);
            Serial16550.EnableReceiveInterrupt();
            Pic8259.Unmask(Serial16550.Irq);
            KernelHost.MarkPhase("timer");

            Log.Info(string.Concat("TSC: ", X64Platform.TscPerMillisecond.ToString(), " ticks/ms; timer: PIT at ",
                X64Platform.Hz.ToString(), " Hz; symbols: ", KernelSymbols.Available ? "yes" : "no"));
            Log.Info(string.Concat("SMEP: ", SupervisorProtection.SmepOn ? "on" : "off (not in this CPU)",
                "; SMAP: ", SupervisorProtection.SmapOn ? "on" : "off (not in this CPU)"));

            // The host project's Main, which calls KernelHost.Run.
            Native.ManagedMain(0, 0);
            Panic.Now("the host project's Main returned");
        }

        private static ulong TopOfRam(MemoryRegion[] map)
        {
            ulong top = 0;
            foreach (MemoryRegion region in map)
                if (region.Type == MemoryType.Usable && region.End > top) top = region.End;
            return top;
        }

        private sealed class DirectMapReader : PhysicalMemoryReader
        {
            public override ReadOnlySpan<byte> Read(ulong address, int length) =>
                new ReadOnlySpan<byte>(Paging.PhysicalToVirtual(address), length);
        }
    }
}
