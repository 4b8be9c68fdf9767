namespace Kerla.Kernel
{
    // What the portable kernel needs from the machine. Kerla.Arch.X64 provides it;
    // a port to another architecture provides its own.
    public abstract class Platform
    {
        public abstract string Name { get; }

        // Writes to the boot console (the serial port) without allocating.
        public abstract void ConsoleWrite(char c);

        // Wall-clock time at boot, in seconds since the Unix epoch (the CMOS RTC on a PC).
        public abstract ulong BootRealTime { get; }

        // Monotonic time since the kernel started, in nanoseconds.
        public abstract ulong NanosecondsSinceBoot { get; }

        // Timer interrupts taken since the timer was started.
        public abstract ulong TimerTicks { get; }

        public abstract int TimerHz { get; }

        public abstract void EnableInterrupts();

        // Sleeps until the next interrupt (interrupts enabled).
        public abstract void WaitForInterrupt();

        // Prints the call stack of the caller, symbolized, to the console.
        public abstract void PrintBacktrace();

        // The symbol that contains an address in the kernel image, or null.
        public abstract string? SymbolAt(nuint address, out nuint offset);

        // Stops the machine for good. In test mode (isa-debug-exit present) the
        // emulator exits with `status`.
        public abstract void PowerOff(int status);

        // Resets the machine (QEMU with -no-reboot exits instead).
        public abstract void Restart();

        // Stops this CPU with interrupts off; used by panic.
        public abstract void Halt();

        // The user-copy layer: copies between kernel memory and user addresses. False
        // (EFAULT to the caller) when any byte is not accessible user memory; a bad
        // address never faults the kernel.
        public abstract bool CopyFromUser(ulong address, System.Span<byte> destination);

        public abstract bool CopyToUser(ulong address, System.ReadOnlySpan<byte> source);

        // Maps a zeroed user page at `address` in the current address space (false
        // if it is not a free user page address or memory ran out).
        public abstract bool MapUserPage(ulong address, bool writable = true, bool executable = false);

        // New access for a mapped user page; an inaccessible page (PROT_NONE) keeps
        // its contents for a later mprotect.
        public abstract bool ProtectUserPage(ulong address, bool writable, bool executable, bool accessible = true);

        // A write fault on a present page that fork shares copy-on-write: makes it
        // this process's own. False if the page is not copy-on-write.
        public abstract bool BreakCopyOnWrite(ulong address);

        // After fork: a page of shared memory is mapped, not copy-on-write, in
        // both the current address space and the child's (`childRoot`).
        public abstract void ShareUserPage(ulong childRoot, ulong address, bool writable);

        // Removes a user page and frees it; nothing happens if it was not mapped.
        public abstract void UnmapUserPage(ulong address);

        // Frames a file keeps its pages in (tmpfs): a zeroed 4 KiB frame (its
        // physical address, 0 when memory ran out), its bytes, and giving it back.
        // A frame is freed when its last holder releases it: the file, and each
        // mapping MapUserFrame made.
        public abstract ulong AllocateFrame();
        public abstract System.Span<byte> FrameBytes(ulong frame);
        public abstract void ReleaseFrame(ulong frame);

        // Maps a file's frame at a free user page address as one more holder of it
        // (a shared file mapping): writes through it are the file's.
        public abstract bool MapUserFrame(ulong address, ulong frame, bool writable, bool executable);

        // Tasks: the running boot thread as a task (it becomes idle), a new task
        // that starts in user mode at entry/stack, a child of the current syscall
        // that returns 0 from it, and switching between them.
        public abstract Process.TaskContext BootContext();
        public abstract Process.TaskContext? NewUserTask(ulong entry, ulong stackPointer);
        public abstract Process.TaskContext? ForkCurrentTask();
        public abstract void Switch(Process.TaskContext from, Process.TaskContext to, ulong addressSpace);
        public abstract void FreeTask(Process.TaskContext task);

        // execve: the current syscall returns to user mode at entry/stack with
        // clean registers.
        public abstract void SetUserReturn(ulong entry, ulong stackPointer);

        // The current task's user registers as it entered the kernel, and new
        // ones for its return to user mode (which then restores every register:
        // a signal handler's entry, rt_sigreturn).
        public abstract void GetUserRegisters(out Process.UserRegisters registers);
        public abstract void SetUserRegisters(in Process.UserRegisters registers);

        // The current task's user FPU and SSE state, loaded on its return to user
        // mode: the 512-byte FXSAVE image on x86_64.
        public abstract System.Span<byte> UserFpuState { get; }

        // FpuState as a program starts with it (and a signal handler).
        public abstract void ResetUserFpuState();

        // Address spaces (page-table roots): empty, a copy of the current user
        // half, freeing one that is not in use, and switching.
        public abstract ulong NewAddressSpace();
        public abstract ulong CloneAddressSpace();
        public abstract void DestroyAddressSpace(ulong root);
        public abstract void SwitchAddressSpace(ulong root);

        // The user thread pointer (the FS base on x86_64: arch_prctl(ARCH_SET_FS)).
        public abstract void SetThreadPointer(ulong address);

        public abstract ulong ThreadPointer { get; }

        // An initramfs built into the kernel image (empty if none).
        public abstract System.ReadOnlySpan<byte> EmbeddedInitramfs { get; }

        // A boot module's bytes (an initramfs), where the boot loader put them.
        public abstract System.ReadOnlySpan<byte> ModuleBytes(Boot.BootModule module);

        // What /proc/cpuinfo says of the (one) CPU: vendor, family, model,
        // stepping, model name, clock in kHz.
        public abstract string CpuVendor { get; }
        public abstract string CpuModelName { get; }
        public abstract uint CpuSignature { get; }
        public abstract ulong CpuKilohertz { get; }

        // AT_HWCAP for the ELF auxiliary vector (CPUID 1 EDX on x86_64).
        public abstract ulong HardwareCapabilities { get; }

        // Random bytes from the CPU's generator; false when there is none.
        public abstract bool RandomBytes(System.Span<byte> destination);

        // Touches an address that is not mapped: the page-fault test of the
        // exception path (kerla.test=pagefault).
        public abstract void TriggerPageFault();
    }
}
