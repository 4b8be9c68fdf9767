using Kerla.Arch.X64.Cpu;
using Kerla.Arch.X64.Diagnostics;
using Kerla.Arch.X64.Drivers;
using Kerla.Arch.X64.Interrupts;
using Kerla.Arch.X64.Memory;
using Kerla.Kernel;

namespace Kerla.Arch.X64
{
    internal sealed unsafe class X64Platform : Platform
    {
        internal const int Hz = 100;
        internal static KernelLayout Layout;
        private static ulong s_bootTsc;
        private static ulong s_tscPerMs = 1;

        internal static void StartClock(ulong bootTsc) => s_bootTsc = bootTsc;
        internal static void CalibrateClock() => s_tscPerMs = Pit8254.MeasureTscPerMillisecond();
        internal static ulong TscPerMillisecond => s_tscPerMs;

        public override string Name => "x86_64";

        private static ulong s_bootRealTime;
        internal static void ReadRealTimeClock() => s_bootRealTime = Drivers.CmosRtc.SecondsSinceEpoch();
        public override ulong BootRealTime => s_bootRealTime;

        public override void ConsoleWrite(char c) => Serial16550.Write(c < 256 ? (byte)c : (byte)'?');

        public override ulong NanosecondsSinceBoot
        {
            get
            {
                ulong delta = Native.Rdtsc() - s_bootTsc;
                ulong ms = delta / s_tscPerMs;
                return ms * 1000000 + delta % s_tscPerMs * 1000000 / s_tscPerMs;
            }
        }

        public override ulong TimerTicks => Traps.Ticks;
        public override int TimerHz => Hz;

        public override void EnableInterrupts() => Native.Sti();
        public override void WaitForInterrupt() => Native.StiHlt();

        public override void PrintBacktrace()
        {
            // Start from our caller's frame.
            ulong rbp = Native.ReadRbp();
            bool readable = rbp != 0 && Paging.IsReadable(Layout, rbp);
            Backtrace.Print(Layout, readable ? ((ulong*)rbp)[1] : 0, readable ? ((ulong*)rbp)[0] : 0);
        }

        public override string? SymbolAt(nuint address, out nuint offset)
        {
            string? name = KernelSymbols.Lookup(address, out ulong distance);
            offset = (nuint)distance;
            return name;
        }

        public override bool CopyFromUser(ulong address, System.Span<byte> destination) => UserCopy.FromUser(address, destination);

        public override bool CopyToUser(ulong address, System.ReadOnlySpan<byte> source) => UserCopy.ToUser(address, source);

        public override bool MapUserPage(ulong address, bool writable = true, bool executable = false) =>
            Paging.MapUserPage(address, writable, executable);

        public override bool ProtectUserPage(ulong address, bool writable, bool executable, bool accessible = true) =>
            Paging.ProtectUserPage(address, writable, executable, accessible);

        public override void UnmapUserPage(ulong address) => Paging.UnmapUserPage(address);

        public override bool BreakCopyOnWrite(ulong address) => Paging.BreakCopyOnWrite(address);

        public override ulong AllocateFrame() => Paging.AllocateFrame();
        public override System.Span<byte> FrameBytes(ulong frame) => Paging.FrameBytes(frame);
        public override void ReleaseFrame(ulong frame) => Paging.ReleaseFrame(frame);
        public override bool MapUserFrame(ulong address, ulong frame, bool writable, bool executable) =>
            Paging.MapUserFrame(address, frame, writable, executable);

        public override void ShareUserPage(ulong childRoot, ulong address, bool writable) => Paging.ShareUserPage(childRoot, address, writable);

        public override Kerla.Kernel.Process.TaskContext BootContext() => Tasks.Boot();
        public override Kerla.Kernel.Process.TaskContext? NewUserTask(ulong entry, ulong stackPointer) => Tasks.NewUser(entry, stackPointer);
        public override Kerla.Kernel.Process.TaskContext? ForkCurrentTask() => Tasks.ForkCurrent();

        public override void Switch(Kerla.Kernel.Process.TaskContext from, Kerla.Kernel.Process.TaskContext to, ulong addressSpace) =>
            Tasks.Switch((X64TaskContext)from, (X64TaskContext)to, addressSpace);

        public override void FreeTask(Kerla.Kernel.Process.TaskContext task)
        {
            var context = (X64TaskContext)task;
            if (context.StackBase != 0) FreeKernelPages(context.StackBase, X64TaskContext.StackPages);
        }

        public override void SetUserReturn(ulong entry, ulong stackPointer) => Tasks.SetUserReturn(entry, stackPointer);

        public override void GetUserRegisters(out Kerla.Kernel.Process.UserRegisters registers) => Tasks.GetUserRegisters(out registers);
        public override void SetUserRegisters(in Kerla.Kernel.Process.UserRegisters registers) => Tasks.SetUserRegisters(registers);
        public override System.Span<byte> UserFpuState => new System.Span<byte>(Tasks.CurrentFpuState, X64TaskContext.FpuStateSize);
        public override void ResetUserFpuState() => Tasks.ResetUserFpuState();

        public override ulong NewAddressSpace() => Paging.NewAddressSpace();
        public override ulong CloneAddressSpace() => Paging.CloneAddressSpace();
        public override void DestroyAddressSpace(ulong root) => Paging.DestroyAddressSpace(root);
        public override void SwitchAddressSpace(ulong root) => Paging.SwitchAddressSpace(root);

        private static Kerla.Kernel.Memory.PageAllocator? s_pages;
        internal static void AttachPages(Kerla.Kernel.Memory.PageAllocator pages) => s_pages = pages;

        // Kernel memory in whole pages, through the direct map.
        internal static ulong AllocateKernelPages(int count)
        {
            ulong physical = s_pages!.Allocate((ulong)count);
            return physical == 0 ? 0 : Paging.DirectMapBase + physical;
        }

        internal static void FreeKernelPages(ulong address, int count) => s_pages!.Free(address - Paging.DirectMapBase, (ulong)count);

        private const uint FsBase = 0xc0000100;
        public override void SetThreadPointer(ulong address) => Native.Wrmsr(FsBase, address);
        public override ulong ThreadPointer => Native.Rdmsr(FsBase);

        public override System.ReadOnlySpan<byte> EmbeddedInitramfs =>
            new System.ReadOnlySpan<byte>((void*)Layout.InitramfsStart, (int)(Layout.InitramfsEnd - Layout.InitramfsStart));

        public override System.ReadOnlySpan<byte> ModuleBytes(Kerla.Kernel.Boot.BootModule module) =>
            new System.ReadOnlySpan<byte>(Paging.PhysicalToVirtual(module.PhysicalAddress), (int)module.Size);

        public override ulong HardwareCapabilities
        {
            get
            {
                uint* registers = stackalloc uint[4];
                Native.Cpuid(1, 0, registers);
                return registers[3];
            }
        }

        private static string? s_vendor, s_modelName;

        // CPUID 0: the vendor in EBX, EDX, ECX.
        public override string CpuVendor
        {
            get
            {
                if (s_vendor is not null) return s_vendor;
                uint* r = stackalloc uint[4];
                System.Span<char> text = stackalloc char[12];
                Native.Cpuid(0, 0, r);
                int length = 0;
                Append(text, ref length, r[1]);
                Append(text, ref length, r[3]);
                Append(text, ref length, r[2]);
                return s_vendor = new string(text.Slice(0, length));
            }
        }

        // CPUID 0x80000002-4: the brand string, when the CPU has one.
        public override string CpuModelName
        {
            get
            {
                if (s_modelName is not null) return s_modelName;
                uint* r = stackalloc uint[4];
                Native.Cpuid(0x80000000, 0, r);
                if (r[0] < 0x80000004) return s_modelName = "unknown";
                System.Span<char> text = stackalloc char[48];
                int length = 0;
                for (uint leaf = 0x80000002; leaf <= 0x80000004; leaf++)
                {
                    Native.Cpuid(leaf, 0, r);
                    for (int i = 0; i < 4; i++) Append(text, ref length, r[i]);
                }
                int start = 0;
                while (start < length && text[start] == ' ') start++;
                while (length > start && text[length - 1] == ' ') length--;
                return s_modelName = new string(text.Slice(start, length - start));
            }
        }

        // A register's four bytes as characters, up to a NUL.
        private static void Append(System.Span<char> text, ref int length, uint register)
        {
            for (int i = 0; i < 4; i++)
            {
                char ch = (char)((register >> (8 * i)) & 0xff);
                if (ch != 0) text[length++] = ch;
            }
        }

        public override uint CpuSignature
        {
            get
            {
                uint* r = stackalloc uint[4];
                Native.Cpuid(1, 0, r);
                return r[0];
            }
        }

        public override ulong CpuKilohertz => s_tscPerMs;

        [System.Runtime.InteropServices.DllImport("*", EntryPoint = "x64_rdrand"), System.Runtime.InteropServices.SuppressGCTransition]
        private static extern int Rdrand(ulong* value);

        private static int s_hasRdrand = -1;

        public override bool RandomBytes(System.Span<byte> destination)
        {
            if (s_hasRdrand < 0)
            {
                uint* registers = stackalloc uint[4];
                Native.Cpuid(1, 0, registers);
                s_hasRdrand = (int)((registers[2] >> 30) & 1);
            }
            if (s_hasRdrand == 0) return false;
            ulong value = 0;
            for (int i = 0; i < destination.Length; i++)
            {
                if ((i & 7) == 0 && Rdrand(&value) == 0) return false;
                destination[i] = (byte)(value >> ((i & 7) * 8));
            }
            return true;
        }

        public override void PowerOff(int status) => Drivers.PowerOff.Now(status);

        // The PC's reset: the 8042 keyboard controller's reset line, then a triple
        // fault if that did nothing.
        public override void Restart()
        {
            Native.OutB(0x64, 0xfe);
            DescriptorPointer empty = default;
            Native.Lidt(&empty);
            Native.Int3();
        }

        public override void Halt()
        {
            while (true)
            {
                Native.Cli();
                Native.Hlt();
            }
        }

        // A canonical user-half address: nothing is mapped below the kernel's half
        // until user space exists.
        public override void TriggerPageFault()
        {
            ulong* unmapped = (ulong*)0x000000dead000000;
            ReadAndKeep(*unmapped);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void ReadAndKeep(ulong value) { s_sink = value; }
        private static ulong s_sink;
    }
}
