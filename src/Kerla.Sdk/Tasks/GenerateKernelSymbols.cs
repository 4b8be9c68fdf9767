using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kerla.Sdk
{
    // Reads the symbol table of the first link of kernel.elf and writes the blob
    // the kernel searches for backtraces (Kerla.Arch.X64 KernelSymbols): "KSYM", a
    // count, entries sorted by address { u64 address, u32 name offset, u32 0 },
    // then the NUL-terminated names. Like Linux's kallsyms, the second link puts
    // the blob in the last segment, so no other address moves.
    public sealed class GenerateKernelSymbols : Task
    {
        [Required] public string Image { get; set; } = "";
        [Required] public string Output { get; set; } = "";

        // Symbols below this address (the boot code linked at 1 MiB) are left out.
        public string MinimumAddress { get; set; } = "0xffffffff80000000";

        public override bool Execute()
        {
            List<(ulong Address, string Name)> symbols;
            try
            {
                symbols = ElfSymbols.Read(File.ReadAllBytes(Image));
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"{Image}: {e.Message}");
                return false;
            }
            ulong minimum = Convert.ToUInt64(MinimumAddress, 16);
            symbols.RemoveAll(s => s.Address < minimum);
            symbols.Sort((a, b) => a.Address != b.Address ? a.Address.CompareTo(b.Address) : string.CompareOrdinal(a.Name, b.Name));

            using var names = new MemoryStream();
            using var output = new BinaryWriter(File.Create(Output));
            output.Write(0x4d59534bu);
            output.Write((uint)symbols.Count);
            foreach (var (address, name) in symbols)
            {
                output.Write(address);
                output.Write((uint)names.Length);
                output.Write(0u);
                byte[] bytes = Encoding.ASCII.GetBytes(name);
                names.Write(bytes, 0, bytes.Length);
                names.WriteByte(0);
            }
            names.WriteTo(output.BaseStream);
            Log.LogMessage(MessageImportance.Low, $"{Output}: {symbols.Count} symbols");
            return true;
        }
    }

    // The functions and objects in an ELF64 little-endian file's .symtab.
    public static class ElfSymbols
    {
        public static List<(ulong Address, string Name)> Read(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            ulong sectionTable = BitConverter.ToUInt64(elf, 0x28);
            int entrySize = BitConverter.ToUInt16(elf, 0x3a);
            int count = BitConverter.ToUInt16(elf, 0x3c);
            var result = new List<(ulong, string)>();
            for (int i = 0; i < count; i++)
            {
                int header = checked((int)sectionTable + i * entrySize);
                uint type = BitConverter.ToUInt32(elf, header + 4);
                if (type != 2) continue; // SHT_SYMTAB
                long offset = (long)BitConverter.ToUInt64(elf, header + 0x18);
                long size = (long)BitConverter.ToUInt64(elf, header + 0x20);
                int link = (int)BitConverter.ToUInt32(elf, header + 0x28);
                long symbolSize = (long)BitConverter.ToUInt64(elf, header + 0x38);
                int strings = checked((int)sectionTable + link * entrySize);
                long stringsOffset = (long)BitConverter.ToUInt64(elf, strings + 0x18);
                for (long s = offset; s + symbolSize <= offset + size; s += symbolSize)
                {
                    uint nameOffset = BitConverter.ToUInt32(elf, (int)s);
                    int kind = elf[s + 4] & 0xf;
                    ushort section = BitConverter.ToUInt16(elf, (int)s + 6);
                    ulong value = BitConverter.ToUInt64(elf, (int)s + 8);
                    // Functions, objects and untyped labels (assembly) in a section.
                    if (nameOffset == 0 || section == 0 || section >= 0xff00 || kind > 2) continue;
                    int start = (int)(stringsOffset + nameOffset), end = start;
                    while (elf[end] != 0) end++;
                    result.Add((value, Encoding.ASCII.GetString(elf, start, end - start)));
                }
            }
            return result;
        }
    }
}
