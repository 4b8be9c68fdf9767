using System;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // Unpacks a cpio newc archive into a tmpfs root, as Linux populates rootfs:
    // directories, regular files, symlinks, with their modes, owners and times,
    // and the character devices Devices knows.
    public static class Initramfs
    {
        // What Linux's own built-in initramfs (usr/default_cpio_list) holds, under
        // any other: /dev, /dev/console and /root, so init has a console.
        public static void AddDefaults(TmpfsDirectory root)
        {
            root.Create("dev", FileType.Directory, 0x1ed, 0, 0, out Inode? dev);
            dev!.Link("console", Devices.Console);
            root.Create("root", FileType.Directory, 0x1c0, 0, 0, out _);
        }

        public static string? Unpack(ReadOnlySpan<byte> archive, TmpfsDirectory root)
        {
            CpioEntry[]? entries = CpioNewc.Parse(archive, out string? error);
            if (entries is null) return error;
            foreach (CpioEntry entry in entries)
            {
                if (entry.Name.Length == 0) continue; // "." is the root itself
                Errno e = Vfs.LookupParent(string.Concat("/", entry.Name), root, out Inode? parent, out string name);
                if (e != 0 || parent is null) return string.Concat("no directory for ", entry.Name);
                Inode? inode = parent.Lookup(name);
                uint permissions = entry.Mode & 0xfff;
                if (entry.IsDirectory)
                {
                    if (inode is null && parent.Create(name, FileType.Directory, permissions, entry.Uid, entry.Gid, out inode) != 0)
                        return string.Concat("cannot create ", entry.Name);
                }
                else if (entry.IsRegular)
                {
                    if (inode is not null) continue; // a later archive does not overwrite, as the kernel's unpacker
                    if (parent.Create(name, FileType.Regular, permissions, entry.Uid, entry.Gid, out inode) != 0) return string.Concat("cannot create ", entry.Name);
                    inode!.Write(0, archive.Slice(entry.DataOffset, entry.DataLength));
                }
                else if (entry.IsSymlink)
                {
                    if (inode is not null) continue;
                    char[] target = new char[entry.DataLength];
                    for (int i = 0; i < target.Length; i++) target[i] = (char)archive[entry.DataOffset + i];
                    inode = new TmpfsSymlink(new string(target), entry.Uid, entry.Gid);
                    Runtime.ObjectAllocator.Free(target);
                    parent.Link(name, inode);
                }
                else if (entry.IsCharDevice && Devices.Char(entry.RdevMajor, entry.RdevMinor) is Inode device)
                {
                    // The node is the device itself (its mode and owner are the device's).
                    if (inode is null) parent.Link(name, device);
                    continue;
                }
                else
                {
                    // Other devices, and FIFOs, are not supported yet.
                    continue;
                }
                inode!.Mode = (inode.Mode & 0xf000) | permissions;
                inode.Uid = entry.Uid;
                inode.Gid = entry.Gid;
                inode.Mtime = entry.Mtime;
            }
            return null;
        }
    }
}
