using System;
using Kerla.Kernel.Boot;
using Kerla.Kernel.Memory;
using Kerla.Runtime;

namespace Kerla.Kernel
{
    // The kernel as a host project sees it. The architecture package boots the
    // machine, attaches itself here, then calls the host's Main, which calls Run.
    public static class KernelHost
    {
        private static Platform? s_platform;
        private static BootInfo? s_bootInfo;
        private static PageAllocator? s_pages;
        private static CommandLine? s_commandLine;
        private static string[] s_packages = new string[0];

        public static Platform Platform => s_platform!;
        public static BootInfo BootInfo => s_bootInfo!;
        public static PageAllocator Pages => s_pages!;
        public static CommandLine CommandLine => s_commandLine!;

        // The calling process; outside any (the self tests), 1: the kernel thread
        // that becomes init, as on Linux.
        public static int CurrentPid => Process.UserProcess.Current?.Pid ?? 1;

        public static string Hostname { get; set; } = "(none)";
        public static string DomainName { get; set; } = "(none)";

        // Seconds since the Unix epoch (CLOCK_REALTIME, whole seconds).
        public static ulong RealTimeSeconds => s_platform is null ? 0 : s_platform.BootRealTime + s_platform.NanosecondsSinceBoot / 1000000000;

        // Nanoseconds since the Unix epoch: what file times are kept in.
        public static ulong RealTimeNanoseconds => s_platform is null ? 0 : s_platform.BootRealTime * 1000000000 + s_platform.NanosecondsSinceBoot;

        // Called by the architecture as soon as C# runs normally (statics initialised).
        public static void AttachPlatform(Platform platform)
        {
            s_platform = platform;
            Log.Attach(platform);
            Panic.Attach(platform);
            RuntimeHost.Install(new Panic.RuntimePanicHost());
        }

        // Called by the architecture once memory is up, before the host's Main.
        public static void AttachMemory(BootInfo bootInfo, PageAllocator pages)
        {
            s_bootInfo = bootInfo;
            s_pages = pages;
            s_commandLine = new CommandLine(bootInfo.CommandLine);
            if (s_commandLine.Has("quiet")) Log.ConsoleLevel = 4;
            Log.ConsoleLevel = s_commandLine.GetInt("loglevel", Log.ConsoleLevel);
            Syscalls.SyscallTrace.Configure(s_commandLine);
        }

        // Records a package for the banner ("Kerla.Arch.X64 0.1.2").
        public static void AddPackage(string name, string version)
        {
            string[] more = new string[s_packages.Length + 1];
            Array.Copy(s_packages, more, s_packages.Length);
            more[s_packages.Length] = string.Concat(name, " ", version);
            s_packages = more;
        }

        public static void MarkPhase(string name) => BootPhases.Mark(name, Platform.NanosecondsSinceBoot);

        // The rest of boot, then init (or the test the command line asks for).
        public static void Run(string imageName)
        {
            Platform platform = Platform;
            Syscalls.SyscallTable.Verify();
            PrintBanner(imageName);
            PrintMemory();
            MarkPhase("banner");
            PrintBootPhases();

            string? test = CommandLine.Get("kerla.test");
            if (test is not null)
            {
                RunTest(test);
                return;
            }

            if (Process.Init.Start(BootInfo, CommandLine)) return;
            Log.Notice("No init: no initramfs was given (qemu -initrd), so there is nothing to run.");
            Log.Notice("Idling. In QEMU, press Ctrl-A then X to quit.");
            platform.EnableInterrupts();
            while (true) platform.WaitForInterrupt();
        }

        private static void PrintBanner(string imageName)
        {
            Log.Notice(string.Concat("Kerla for .NET: ", imageName, " on ", Platform.Name, ", booted by ", BootInfo.Protocol));
            Log.Info(string.Concat("packages: ", Kerla.Runtime.PackageInfo.Name, " ", Kerla.Runtime.PackageInfo.Version, ", ",
                Kerla.Kernel.PackageInfo.Name, " ", Kerla.Kernel.PackageInfo.Version));
            for (int i = 0; i < s_packages.Length; i++) Log.Info(string.Concat("packages: ", s_packages[i]));
            Log.Info(string.Concat("Command line: ", BootInfo.CommandLine));
            Log.Info(string.Concat("Syscalls: ", Syscalls.SyscallTable.Count.ToString(), " implemented, the rest return ENOSYS"));
        }

        private static void PrintMemory()
        {
            Log.Info("Physical memory map:");
            foreach (MemoryRegion region in BootInfo.MemoryMap)
            {
                Log.Info(string.Concat("  [mem 0x", Hex16(region.Start), "-0x", Hex16(region.End - 1), "] ",
                    MemoryRegion.TypeName(region.Type)));
            }
            ulong totalKiB = Pages.TotalPages * PageAllocator.PageSize / 1024;
            ulong freeKiB = Pages.FreePages * PageAllocator.PageSize / 1024;
            Log.Info(string.Concat("Memory: ", freeKiB.ToString(), "K/", totalKiB.ToString(), "K available, kernel heap ",
                (KernelHeap.BytesInUse / 1024).ToString(), "K in use"));
        }

        private static void PrintBootPhases()
        {
            Log.Info("Boot phases:");
            for (int i = 0; i < BootPhases.Count; i++)
                Log.Info(string.Concat("  ", BootPhases.Name(i).PadRight(12), BootPhases.Format(BootPhases.Nanoseconds(i)).PadLeft(10)));
            Log.Info(string.Concat("  ", "total".PadRight(12), BootPhases.Format(BootPhases.Total).PadLeft(10)));
        }

        private static void RunTest(string test)
        {
            switch (test)
            {
                case "selftest":
                    int failed = SelfTest.SelfTests.Run(Platform);
                    Platform.PowerOff(failed == 0 ? 0 : 1);
                    break;
                case "pagefault":
                    Log.Info("kerla.test=pagefault: reading an unmapped address");
                    Platform.TriggerPageFault();
                    Panic.Now("the page fault test returned");
                    break;
                case "throw":
                    Log.Info("kerla.test=throw: throwing an exception nothing catches");
                    throw new InvalidOperationException("thrown by kerla.test=throw");
                default:
                    Log.Error(string.Concat("kerla.test=", test, ": no such test (selftest, pagefault, throw)"));
                    Platform.PowerOff(2);
                    break;
            }
        }

        internal static string Hex16(ulong value) => value.ToString("x").PadLeft(16, '0');
    }
}
