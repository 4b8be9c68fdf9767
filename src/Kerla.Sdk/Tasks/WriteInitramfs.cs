using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kerla.Sdk
{
    // Writes an initramfs (cpio "newc", Linux's Documentation/driver-api/
    // early-userspace/buffer-format.rst) from the host project's items:
    //   <KerlaInitramfsFile Include="rootfs/init" TargetPath="/init" Mode="755" />
    //   <KerlaInitramfsSymlink Include="/bin/sh" LinkTarget="busybox" />
    //   <KerlaInitramfsDirectory Include="/tmp" Mode="1777" />
    //   <KerlaInitramfsDevice Include="/dev/console" Major="5" Minor="1" Mode="600" />
    //     (character devices; Type="b" for a block device)
    // Parent directories are created (0755); entries are sorted so the archive
    // is the same for the same inputs. Owner root, mtime 0 (reproducible).
    public sealed class WriteInitramfs : Task
    {
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] Symlinks { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] Directories { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] Devices { get; set; } = Array.Empty<ITaskItem>();
        [Required] public string Output { get; set; } = "";

        private sealed record Entry(string Path, uint Mode, byte[] Data, uint Major = 0, uint Minor = 0);

        public override bool Execute()
        {
            var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
            void Directory(string path, uint mode)
            {
                for (string parent = Parent(path); parent.Length > 0; parent = Parent(parent))
                    if (!entries.ContainsKey(parent)) entries[parent] = new Entry(parent, 0x4000 | 0x1ed, Array.Empty<byte>());
                entries[path] = new Entry(path, 0x4000 | mode, Array.Empty<byte>());
            }
            void Add(string path, uint mode, byte[] data, uint major = 0, uint minor = 0)
            {
                string parent = Parent(path);
                if (parent.Length > 0 && !entries.ContainsKey(parent)) Directory(parent, 0x1ed);
                entries[path] = new Entry(path, mode, data, major, minor);
            }

            foreach (ITaskItem d in Directories)
                Directory(Normalize(d.ItemSpec), Mode(d, 0x1ed));
            foreach (ITaskItem f in Files)
            {
                string source = f.GetMetadata("FullPath");
                if (!File.Exists(source))
                {
                    Log.LogError($"initramfs: {f.ItemSpec} does not exist");
                    return false;
                }
                string target = f.GetMetadata("TargetPath");
                if (string.IsNullOrEmpty(target)) target = "/" + Path.GetFileName(source);
                uint mode = Mode(f, HostMode(source));
                Add(Normalize(target), 0x8000 | mode, File.ReadAllBytes(source));
            }
            foreach (ITaskItem s in Symlinks)
            {
                string target = s.GetMetadata("LinkTarget");
                if (string.IsNullOrEmpty(target))
                {
                    Log.LogError($"initramfs: symlink {s.ItemSpec} has no LinkTarget");
                    return false;
                }
                string path = Normalize(s.ItemSpec);
                if (!entries.ContainsKey(path)) Add(path, 0xa000 | 0x1ff, Encoding.UTF8.GetBytes(target));
            }

            foreach (ITaskItem d in Devices)
            {
                string type = d.GetMetadata("Type");
                if (!uint.TryParse(d.GetMetadata("Major"), out uint major) || !uint.TryParse(d.GetMetadata("Minor"), out uint minor) ||
                    (type.Length > 0 && type != "c" && type != "b"))
                {
                    Log.LogError($"initramfs: device {d.ItemSpec} needs numeric Major and Minor (and Type c or b)");
                    return false;
                }
                Add(Normalize(d.ItemSpec), (type == "b" ? 0x6000u : 0x2000u) | Mode(d, 0x1a4), Array.Empty<byte>(), major, minor);
            }

            Directory("", 0x1ed);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Output))!);
            using (var stream = File.Create(Output))
            {
                uint ino = 1;
                foreach (Entry e in entries.Values) Write(stream, e.Path.Length == 0 ? "." : e.Path, e.Mode, e.Data, ino++, e.Major, e.Minor);
                Write(stream, "TRAILER!!!", 0, Array.Empty<byte>(), 0, 0, 0);
            }
            Log.LogMessage(MessageImportance.Normal, $"{Output}: {entries.Count} entries");
            return true;
        }

        // "/bin/sh" -> "bin/sh"; the root is "".
        private static string Normalize(string path) => path.Replace('\\', '/').Trim('/');

        private static string Parent(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? "" : path.Substring(0, slash);
        }

        private static uint Mode(ITaskItem item, uint fallback)
        {
            string mode = item.GetMetadata("Mode");
            return string.IsNullOrEmpty(mode) ? fallback : Convert.ToUInt32(mode, 8) & 0xfff;
        }

        private static uint HostMode(string path) =>
            OperatingSystem.IsWindows() ? 0x1a4u : (uint)File.GetUnixFileMode(path) & 0xfff;

        // One newc record: the header's thirteen 8-digit hex fields, the name and
        // its NUL padded to 4, the data padded to 4.
        private static void Write(Stream stream, string name, uint mode, byte[] data, uint ino, uint major, uint minor)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name + "\0");
            uint nlink = (mode & 0xf000) == 0x4000 ? 2u : 1u;
            var header = new StringBuilder("070701");
            foreach (uint field in new uint[] { ino, mode, 0, 0, nlink, 0, (uint)data.Length, 0, 0, major, minor, (uint)nameBytes.Length, 0 })
                header.Append(field.ToString("X8"));
            byte[] headerBytes = Encoding.ASCII.GetBytes(header.ToString());
            stream.Write(headerBytes, 0, headerBytes.Length);
            stream.Write(nameBytes, 0, nameBytes.Length);
            Pad(stream, headerBytes.Length + nameBytes.Length);
            stream.Write(data, 0, data.Length);
            Pad(stream, data.Length);
        }

        private static void Pad(Stream stream, int length)
        {
            for (int i = length; i % 4 != 0; i++) stream.WriteByte(0);
        }
    }
}
