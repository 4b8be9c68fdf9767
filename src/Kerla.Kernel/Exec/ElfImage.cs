using System;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Exec
{
    public readonly struct ElfSegment
    {
        public ElfSegment(ulong virtualAddress, ulong fileOffset, ulong fileSize, ulong memorySize, bool readable, bool writable, bool executable)
        {
            VirtualAddress = virtualAddress;
            FileOffset = fileOffset;
            FileSize = fileSize;
            MemorySize = memorySize;
            Readable = readable;
            Writable = writable;
            Executable = executable;
        }

        public ulong VirtualAddress { get; }
        public ulong FileOffset { get; }
        public ulong FileSize { get; }
        public ulong MemorySize { get; }
        public bool Readable { get; }
        public bool Writable { get; }
        public bool Executable { get; }
    }

    // An x86_64 ELF executable as execve(2) sees it (elf(5)): its loadable
    // segments, entry point and program headers. Anything malformed, truncated,
    // overlapping or absurd is ENOEXEC, never a fault.
    public sealed class ElfImage
    {
        private const ushort TypeExec = 2, TypeDyn = 3, MachineX86_64 = 62;
        private const uint PtLoad = 1, PtInterp = 3, PtPhdr = 6, PtTls = 7, PtGnuStack = 0x6474e551;
        private const int MaxSegments = 64;
        // User space ends at 128 TiB; nothing may be loaded above it.
        public const ulong UserEnd = 0x0000800000000000;

        private ElfImage(bool positionIndependent, ulong entry, ElfSegment[] segments, ulong programHeaderOffset,
            int programHeaderCount, int programHeaderSize, bool hasInterpreter, bool executableStack)
        {
            PositionIndependent = positionIndependent;
            Entry = entry;
            Segments = segments;
            ProgramHeaderOffset = programHeaderOffset;
            ProgramHeaderCount = programHeaderCount;
            ProgramHeaderSize = programHeaderSize;
            HasInterpreter = hasInterpreter;
            ExecutableStack = executableStack;
        }

        // ET_DYN (static-PIE): loaded at a base the kernel chooses.
        public bool PositionIndependent { get; }
        public ulong Entry { get; }
        public ElfSegment[] Segments { get; }
        public ulong ProgramHeaderOffset { get; }
        public int ProgramHeaderCount { get; }
        public int ProgramHeaderSize { get; }
        // PT_INTERP: a dynamically linked program (not supported yet).
        public bool HasInterpreter { get; }
        public bool ExecutableStack { get; }

        // Done with: the segment table and the image go back to the heap.
        public void Release()
        {
            Memory.KernelObjects.Free(Segments);
            Memory.KernelObjects.Free(this);
        }

        public static bool LooksLikeElf(ReadOnlySpan<byte> file) =>
            file.Length >= 4 && file[0] == 0x7f && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F';

        public static ElfImage? Parse(ReadOnlySpan<byte> file, out Errno error) => Parse(file, file.Length, out error);

        // `head` is the start of a file `fileLength` bytes long: it holds the
        // headers (the segments themselves are read later).
        public static ElfImage? Parse(ReadOnlySpan<byte> head, long fileLength, out Errno error)
        {
            ReadOnlySpan<byte> file = head;
            error = Errno.ENOEXEC;
            if (file.Length < 64 || !LooksLikeElf(file)) return null;
            if (file[4] != 2 || file[5] != 1 || file[6] != 1) return null;              // ELFCLASS64, little-endian, version 1
            ushort type = U16(file, 16);
            if ((type != TypeExec && type != TypeDyn) || U16(file, 18) != MachineX86_64) return null;
            ulong entry = U64(file, 24);
            ulong phoff = U64(file, 32);
            int phentsize = U16(file, 54);
            int phnum = U16(file, 56);
            if (phentsize != 56 || phnum == 0 || phnum > MaxSegments) return null;
            if (phoff > (ulong)file.Length || (ulong)phnum * 56 > (ulong)file.Length - phoff) return null;

            int loads = 0;
            bool interpreter = false, executableStack = false;
            for (int i = 0; i < phnum; i++)
            {
                uint ptype = U32(file, (int)phoff + i * 56);
                if (ptype == PtLoad) loads++;
                if (ptype == PtInterp) interpreter = true;
                if (ptype == PtGnuStack) executableStack = (U32(file, (int)phoff + i * 56 + 4) & 1) != 0;
            }
            if (loads == 0) return null;

            var segments = new ElfSegment[loads];
            int n = 0;
            for (int i = 0; i < phnum; i++)
            {
                int h = (int)phoff + i * 56;
                if (U32(file, h) != PtLoad) continue;
                uint flags = U32(file, h + 4);
                ulong offset = U64(file, h + 8), vaddr = U64(file, h + 16), filesz = U64(file, h + 32), memsz = U64(file, h + 40);
                ulong align = U64(file, h + 48);
                // The file part must be in the file, the memory part in user space,
                // and a segment's offset and address must agree within a page.
                if (filesz > memsz || offset > (ulong)fileLength || filesz > (ulong)fileLength - offset) return null;
                if (memsz == 0 || vaddr >= UserEnd || memsz > UserEnd - vaddr) return null;
                if ((vaddr & 4095) != (offset & 4095) || (align > 1 && (align & (align - 1)) != 0)) return null;
                var segment = new ElfSegment(vaddr, offset, filesz, memsz, (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0);
                for (int j = 0; j < n; j++)
                    if (Overlaps(segments[j], segment)) return null;
                segments[n++] = segment;
            }
            bool pie = type == TypeDyn;
            if (!InAnySegment(segments, entry, executableOnly: true)) return null;
            error = 0;
            return new ElfImage(pie, entry, segments, phoff, phnum, phentsize, interpreter, executableStack);
        }

        // Neighbours may share a page (data often starts in the page where text
        // ended); only bytes claimed by both are refused.
        private static bool Overlaps(in ElfSegment a, in ElfSegment b) =>
            a.VirtualAddress < b.VirtualAddress + b.MemorySize && b.VirtualAddress < a.VirtualAddress + a.MemorySize;

        private static bool InAnySegment(ElfSegment[] segments, ulong address, bool executableOnly)
        {
            foreach (ElfSegment s in segments)
                if (address >= s.VirtualAddress && address < s.VirtualAddress + s.MemorySize && (!executableOnly || s.Executable)) return true;
            return false;
        }

        private static ushort U16(ReadOnlySpan<byte> b, int o) => (ushort)(b[o] | b[o + 1] << 8);
        private static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        private static ulong U64(ReadOnlySpan<byte> b, int o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
    }
}
