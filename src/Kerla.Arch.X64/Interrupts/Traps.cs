using System.Runtime.InteropServices;
using Kerla.Arch.X64.Cpu;
using Kerla.Arch.X64.Diagnostics;
using Kerla.Arch.X64.Drivers;
using Kerla.Kernel;

namespace Kerla.Arch.X64.Interrupts
{
    // The registers asm/trap.asm saved, lowest address first.
    internal struct TrapFrame
    {
        public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rbp, R8, R9, R10, R11, R12, R13, R14, R15;
        public ulong Vector, ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }

    internal static unsafe class Traps
    {
        private static ulong s_ticks;
        private static ulong s_spurious;

        internal static ulong Ticks => s_ticks;

        [UnmanagedCallersOnly(EntryPoint = "trap_handler")]
        private static void Handle(TrapFrame* frame)
        {
            // trap_common saved the whole FPU image of a user-mode entry.
            if ((frame->Cs & 3) == 3) Tasks.EnterTrapFromUser();
            Dispatch(frame);
            // Back to user mode: signals are delivered here (and at the end of syscalls).
            if ((frame->Cs & 3) == 3) Kerla.Kernel.Process.Signals.ReturnToUser(-1, 0);
        }

        private static void Dispatch(TrapFrame* frame)
        {
            ulong vector = frame->Vector;
            if (vector == 14 && (frame->Cs & 3) == 0)
            {
                // The user-copy layer touched a user page: bring it in if the process
                // mapped it; otherwise it was a bad pointer: EFAULT, not a panic.
                ulong fixup = Memory.UserCopy.FixupFor(frame->Rip);
                if (fixup != 0)
                {
                    if (!DemandPage(frame)) frame->Rip = fixup;
                    return;
                }
            }
            if (vector == 14 && (frame->Cs & 3) == 3 && DemandPage(frame)) return;
            if (vector < 32)
            {
                Exception(frame);
                return;
            }
            if (vector < Pic8259.VectorBase + 16)
            {
                int irq = (int)vector - Pic8259.VectorBase;
                if (irq == 0)
                {
                    s_ticks++;
                    Kerla.Kernel.Process.Scheduler.ChargeTick((frame->Cs & 3) == 3);
                    Kerla.Kernel.Process.Poller.Tick();
                    Kerla.Kernel.Process.Timer.Tick();
                }
                else if (irq == Serial16550.Irq)
                    for (int b = Serial16550.ReadByte(); b >= 0; b = Serial16550.ReadByte()) Kerla.Kernel.Console.Input((byte)b);
                else s_spurious++;
                Pic8259.EndOfIrq(irq);
                // Time slices end on ticks that interrupt user mode.
                if (irq == 0 && (frame->Cs & 3) == 3) Kerla.Kernel.Process.Scheduler.Tick();
                return;
            }
            s_spurious++;
        }

        // A page fault a mapping of the current process allows: map the page, or
        // copy a page fork shared.
        private static bool DemandPage(TrapFrame* frame)
        {
            Kerla.Kernel.Process.UserProcess? process = Kerla.Kernel.Process.UserProcess.Current;
            ulong address = Native.ReadCr2();
            if (process is null || address >= Memory.UserCopy.UserEnd) return false;
            // Error code: bit 0 present (a protection fault), 1 write, 4 instruction fetch.
            return process.HandlePageFault(address, (frame->ErrorCode & 2) != 0, (frame->ErrorCode & 16) != 0, (frame->ErrorCode & 1) != 0);
        }

        private static readonly string[] s_names =
        {
            "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow", "#BR bound range",
            "#UD invalid opcode", "#NM device not available", "#DF double fault", "coprocessor segment overrun",
            "#TS invalid TSS", "#NP segment not present", "#SS stack fault", "#GP general protection",
            "#PF page fault", "reserved", "#MF x87 floating point", "#AC alignment check", "#MC machine check",
            "#XM SIMD floating point", "#VE virtualization", "#CP control protection",
        };

        // A fault in a user program is that program's: the signal Linux sends for
        // it, with the si_code and si_addr it gives. Unless a handler takes it, the
        // program dies of it, and the log says why as Linux's does.
        private static void UserFault(TrapFrame* frame)
        {
            ulong vector = frame->Vector;
            ulong address = vector == 14 ? Native.ReadCr2() : vector == 13 || vector == 3 ? 0 : frame->Rip;
            const int SI_KERNEL = 0x80;
            (int signal, int code) = vector switch
            {
                0 => (8, 1),                              // SIGFPE FPE_INTDIV
                16 or 19 => (8, 7),                       // SIGFPE FPE_FLTINV
                1 => (5, 2),                              // SIGTRAP TRAP_TRACE
                3 => (5, SI_KERNEL),                      // SIGTRAP from int3
                6 => (4, 2),                              // SIGILL ILL_ILLOPN
                17 => (7, 1),                             // SIGBUS BUS_ADRALN
                11 or 12 => (7, SI_KERNEL),               // SIGBUS: segment not present, stack fault
                14 => (11, 1),                            // SIGSEGV SEGV_MAPERR (or ACCERR, below)
                _ => (11, SI_KERNEL),                     // SIGSEGV: general protection and the rest
            };
            Kerla.Kernel.Process.UserProcess? process = Kerla.Kernel.Process.UserProcess.Current;
            if (process is null) return;
            // Inside a mapping that forbids the access: SEGV_ACCERR, whether the page was there or not.
            if (vector == 14 && process.Memory.Find(address) >= 0) code = 2;
            if (!Kerla.Kernel.Process.Signals.IsHandled(process, signal))
            {
                string who = string.Concat(process.Name, "[", process.Pid.ToString(), "]");
                if (vector == 14)
                    Log.Warning(string.Concat(who, ": segfault at ", address.ToString("x"), " ip ", Hex(frame->Rip), " sp ",
                        Hex(frame->Rsp), " error ", frame->ErrorCode.ToString("x")));
                else
                    Log.Warning(string.Concat("traps: ", who, " trap ", vector < (ulong)s_names.Length ? s_names[vector] : "reserved",
                        " ip:", frame->Rip.ToString("x"), " sp:", frame->Rsp.ToString("x"), " error:", frame->ErrorCode.ToString("x")));
            }
            Kerla.Kernel.Process.Signals.Fault(signal, code, address, vector, frame->ErrorCode);
        }

        // A CPU exception in the kernel is a kernel bug: report it and stop.
        private static void Exception(TrapFrame* frame)
        {
            if ((frame->Cs & 3) == 3)
            {
                UserFault(frame);
                return;
            }
            ulong vector = frame->Vector;
            string name = vector < (ulong)s_names.Length ? s_names[vector] : "reserved";
            Log.WriteRaw(string.Concat("\nCPU exception ", vector.ToString(), " (", name, "), error code 0x",
                frame->ErrorCode.ToString("x"), "\n"));
            if (vector == 14)
            {
                ulong error = frame->ErrorCode;
                Log.WriteRaw(string.Concat("  CR2 0x", Native.ReadCr2().ToString("x"), ": ",
                    (error & 1) != 0 ? "protection violation" : "page not present", " on ",
                    (error & 16) != 0 ? "instruction fetch" : (error & 2) != 0 ? "write" : "read",
                    (error & 4) != 0 ? " from user mode\n" : " from kernel mode\n"));
            }
            string? where = KernelSymbols.Lookup(frame->Rip, out ulong offset);
            Log.WriteRaw(string.Concat("  RIP 0x", frame->Rip.ToString("x"), " ",
                where is null ? "?" : string.Concat(where, "+0x", offset.ToString("x")), "\n"));
            Register("RAX", frame->Rax, "RBX", frame->Rbx, "RCX", frame->Rcx);
            Register("RDX", frame->Rdx, "RSI", frame->Rsi, "RDI", frame->Rdi);
            Register("RBP", frame->Rbp, "RSP", frame->Rsp, "R8 ", frame->R8);
            Register("R9 ", frame->R9, "R10", frame->R10, "R11", frame->R11);
            Register("R12", frame->R12, "R13", frame->R13, "R14", frame->R14);
            Register("R15", frame->R15, "RFL", frame->Rflags, "CS ", frame->Cs);
            Backtrace.Print(X64Platform.Layout, frame->Rip, frame->Rbp);
            Panic.Now(string.Concat("fatal exception in the kernel: ", name), backtrace: false);
        }

        private static void Register(string a, ulong av, string b, ulong bv, string c, ulong cv) =>
            Log.WriteRaw(string.Concat("  ", a, " ", Hex(av), "  ", b, " ", Hex(bv), "  ", string.Concat(c, " ", Hex(cv), "\n")));

        private static string Hex(ulong value) => value.ToString("x").PadLeft(16, '0');
    }
}
