using System;

namespace Kerla.Kernel.Fs
{
    public readonly struct CpioEntry
    {
        public CpioEntry(string name, uint mode, uint uid, uint gid, uint nlink, uint mtime, int dataOffset, int dataLength,
            uint rdevMajor = 0, uint rdevMinor = 0, ulong linkKey = 0)
        {
            Name = name; Mode = mode; Uid = uid; Gid = gid; Nlink = nlink; Mtime = mtime; DataOffset = dataOffset; DataLength = dataLength;
            RdevMajor = rdevMajor; RdevMinor = rdevMinor; LinkKey = linkKey;
        }

        // The archived file's device and inode number: entries of one hard-linked
        // file (nlink > 1) share it.
        public ulong LinkKey { get; }

        // The device a character or block device node names.
        public uint RdevMajor { get; }
        public uint RdevMinor { get; }
        public bool IsCharDevice => (Mode & 0xf000) == 0x2000;

        // Relative to the root, without a leading "/" or "./"; the root itself is "".
        public string Name { get; }
        public uint Mode { get; }
        public uint Uid { get; }
        public uint Gid { get; }
        public uint Nlink { get; }
        public uint Mtime { get; }
        // The file's bytes (or a symlink's target) within the archive.
        public int DataOffset { get; }
        public int DataLength { get; }

        public bool IsDirectory => (Mode & 0xf000) == 0x4000;
        public bool IsRegular => (Mode & 0xf000) == 0x8000;
        public bool IsSymlink => (Mode & 0xf000) == 0xa000;
    }

    // The "newc" cpio format of initramfs (Documentation/driver-api/early-userspace/
    // buffer-format.rst): "070701", thirteen 8-digit hex fields, the name, padding
    // to 4, the data, padding to 4; "TRAILER!!!" ends an archive. Several archives
    // may follow each other, as Linux accepts. Malformed input is an error, never
    // a read past the end.
    public static class CpioNewc
    {
        private const int HeaderSize = 110;

        public static CpioEntry[]? Parse(ReadOnlySpan<byte> archive, out string? error)
        {
            error = null;
            var entries = new CpioEntry[16];
            int count = 0, pos = 0;
            while (pos + HeaderSize <= archive.Length)
            {
                // Zero padding between concatenated archives.
                if (archive[pos] == 0) { pos += 4; continue; }
                ReadOnlySpan<byte> h = archive.Slice(pos, HeaderSize);
                if (!h.Slice(0, 6).SequenceEqual("070701"u8) && !h.Slice(0, 6).SequenceEqual("070702"u8))
                {
                    error = string.Concat("bad cpio magic at offset ", pos.ToString());
                    return null;
                }
                if (!Hex(h, 0, out uint ino) || !Hex(h, 7, out uint devMajor) || !Hex(h, 8, out uint devMinor) || !Hex(h, 1, out uint mode) || !Hex(h, 2, out uint uid) || !Hex(h, 3, out uint gid) || !Hex(h, 4, out uint nlink) ||
                    !Hex(h, 5, out uint mtime) || !Hex(h, 6, out uint fileSize) || !Hex(h, 9, out uint rdevMajor) ||
                    !Hex(h, 10, out uint rdevMinor) || !Hex(h, 11, out uint nameSize))
                {
                    error = string.Concat("bad cpio header field at offset ", pos.ToString());
                    return null;
                }
                int nameStart = pos + HeaderSize;
                if (nameSize == 0 || nameSize > 4096 || nameSize > (uint)(archive.Length - nameStart))
                {
                    error = "cpio name runs past the end of the archive";
                    return null;
                }
                string name = Latin1(archive.Slice(nameStart, (int)nameSize - 1));
                int dataStart = Align4(nameStart + (int)nameSize);
                if (dataStart > archive.Length || fileSize > (uint)(archive.Length - dataStart))
                {
                    error = string.Concat("cpio data of ", name, " runs past the end of the archive");
                    return null;
                }
                pos = Align4(dataStart + (int)fileSize);
                if (name == "TRAILER!!!") continue;
                if (count == entries.Length) Array.Resize(ref entries, count * 2);
                entries[count++] = new CpioEntry(Normalize(name), mode, uid, gid, nlink, mtime, dataStart, (int)fileSize, rdevMajor, rdevMinor,
                    (ulong)(devMajor & 0xfff) << 52 | (ulong)(devMinor & 0xfffff) << 32 | ino);
            }
            Array.Resize(ref entries, count);
            return entries;
        }

        private static int Align4(int value) => (value + 3) & ~3;

        // Field `index` of the header (0 ino, 1 mode, ... 6 filesize, 7 and 8 the
        // archived file's device, 9 and 10 the device a node names, 11 namesize):
        // 8 hex digits each, after the 6-byte magic.
        private static bool Hex(ReadOnlySpan<byte> header, int index, out uint value)
        {
            value = 0;
            ReadOnlySpan<byte> digits = header.Slice(6 + index * 8, 8);
            foreach (byte d in digits)
            {
                int v = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10 : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
                if (v < 0) return false;
                value = value << 4 | (uint)v;
            }
            return true;
        }

        // "./bin/sh" and "/bin/sh" are "bin/sh"; "." is the root, "".
        private static string Normalize(string name)
        {
            if (name == ".") return "";
            if (name.StartsWith("./")) name = name.Substring(2);
            while (name.StartsWith("/")) name = name.Substring(1);
            return name;
        }

        private static string Latin1(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
