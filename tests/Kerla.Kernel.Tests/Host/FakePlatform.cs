using Kerla.Kernel.Boot;
using Kerla.Kernel.Process;

namespace Kerla.Kernel.Tests;

// Host stand-in for the machine (the real src/Kerla.Kernel/Platform.cs is
// compiled; Kerla.Arch.X64 implements it on hardware). tmpfs page frames are
// 4 KiB arrays under fake physical addresses, each with a holder count, so a
// test sees every frame a file takes and gives back (a release of a frame that
// is not held throws: a double free). User memory is one buffer at UserBase.
// Everything else is not needed by the tests and throws.
public sealed class FakePlatform : Platform
{
    public const int PageSize = 4096;
    public const ulong UserBase = 0x400000;

    private sealed class Frame
    {
        public readonly byte[] Bytes = new byte[PageSize];
        public int Holders = 1;
    }

    private readonly Dictionary<ulong, Frame> _frames = new();
    private ulong _nextFrame = 0x100000;

    // Frames that may exist at once; beyond that AllocateFrame reports no memory.
    public int FrameLimit { get; set; } = int.MaxValue;

    public int FramesInUse => _frames.Count;

    // User memory: [UserBase, UserBase + UserMemory.Length) is accessible.
    public byte[] UserMemory { get; set; } = new byte[4 * PageSize];

    public override ulong AllocateFrame()
    {
        if (_frames.Count >= FrameLimit) return 0;
        ulong frame = _nextFrame;
        _nextFrame += PageSize;
        _frames[frame] = new Frame();
        return frame;
    }

    public override Span<byte> FrameBytes(ulong frame) =>
        _frames.TryGetValue(frame, out Frame? f) ? f.Bytes : throw new InvalidOperationException($"frame {frame:x} is not allocated");

    public override void ReleaseFrame(ulong frame)
    {
        if (!_frames.TryGetValue(frame, out Frame? f)) throw new InvalidOperationException($"frame {frame:x} released twice");
        if (--f.Holders == 0) _frames.Remove(frame);
    }

    public override bool CopyToUser(ulong address, ReadOnlySpan<byte> source)
    {
        if (!IsUser(address, source.Length)) return false;
        source.CopyTo(UserMemory.AsSpan((int)(address - UserBase)));
        return true;
    }

    public override bool CopyFromUser(ulong address, Span<byte> destination)
    {
        if (!IsUser(address, destination.Length)) return false;
        UserMemory.AsSpan((int)(address - UserBase), destination.Length).CopyTo(destination);
        return true;
    }

    private bool IsUser(ulong address, int length) =>
        address >= UserBase && address + (ulong)length <= UserBase + (ulong)UserMemory.Length;

    // Not needed by the tests.
    public override string Name => "host";
    public override void ConsoleWrite(char c) => throw new NotSupportedException();
    public override ulong BootRealTime => throw new NotSupportedException();
    public override ulong NanosecondsSinceBoot => throw new NotSupportedException();
    public override ulong TimerTicks => throw new NotSupportedException();
    public override int TimerHz => throw new NotSupportedException();
    public override void EnableInterrupts() => throw new NotSupportedException();
    public override void WaitForInterrupt() => throw new NotSupportedException();
    public override void PrintBacktrace() => throw new NotSupportedException();
    public override string? SymbolAt(nuint address, out nuint offset) => throw new NotSupportedException();
    public override void PowerOff(int status) => throw new NotSupportedException();
    public override void Restart() => throw new NotSupportedException();
    public override void Halt() => throw new NotSupportedException();
    public override bool MapUserPage(ulong address, bool writable = true, bool executable = false) => throw new NotSupportedException();
    public override bool ProtectUserPage(ulong address, bool writable, bool executable, bool accessible = true) => throw new NotSupportedException();
    public override bool BreakCopyOnWrite(ulong address) => throw new NotSupportedException();
    public override void ShareUserPage(ulong childRoot, ulong address, bool writable) => throw new NotSupportedException();
    public override void UnmapUserPage(ulong address) => throw new NotSupportedException();
    public override bool MapUserFrame(ulong address, ulong frame, bool writable, bool executable) => throw new NotSupportedException();
    public override TaskContext BootContext() => throw new NotSupportedException();
    public override TaskContext? NewUserTask(ulong entry, ulong stackPointer) => throw new NotSupportedException();
    public override TaskContext? ForkCurrentTask() => throw new NotSupportedException();
    public override void Switch(TaskContext from, TaskContext to, ulong addressSpace) => throw new NotSupportedException();
    public override void FreeTask(TaskContext task) => throw new NotSupportedException();
    public override void SetUserReturn(ulong entry, ulong stackPointer) => throw new NotSupportedException();
    public override void GetUserRegisters(out UserRegisters registers) => throw new NotSupportedException();
    public override void SetUserRegisters(in UserRegisters registers) => throw new NotSupportedException();
    public override Span<byte> UserFpuState => throw new NotSupportedException();
    public override void ResetUserFpuState() => throw new NotSupportedException();
    public override ulong NewAddressSpace() => throw new NotSupportedException();
    public override ulong CloneAddressSpace() => throw new NotSupportedException();
    public override void DestroyAddressSpace(ulong root) => throw new NotSupportedException();
    public override void SwitchAddressSpace(ulong root) => throw new NotSupportedException();
    public override void SetThreadPointer(ulong address) => throw new NotSupportedException();
    public override ulong ThreadPointer => throw new NotSupportedException();
    public override ReadOnlySpan<byte> EmbeddedInitramfs => throw new NotSupportedException();
    public override ReadOnlySpan<byte> ModuleBytes(BootModule module) => throw new NotSupportedException();
    public override string CpuVendor => throw new NotSupportedException();
    public override string CpuModelName => throw new NotSupportedException();
    public override uint CpuSignature => throw new NotSupportedException();
    public override ulong CpuKilohertz => throw new NotSupportedException();
    public override ulong HardwareCapabilities => throw new NotSupportedException();
    public override bool RandomBytes(Span<byte> destination) => throw new NotSupportedException();
    public override void TriggerPageFault() => throw new NotSupportedException();
}
