using System;
using Kerla.Kernel.Fs.Tmpfs;
using Kerla.Kernel.Syscalls;

namespace Kerla.Kernel.Fs
{
    // Unpacks a cpio newc archive into a tmpfs root, as Linux populates rootfs:
    // directories, regular files (hard links as links), symlinks, device nodes
    // and FIFOs, with their modes, owners and modification times.
    public static class Initramfs
    {
        // What Linux's own built-in initramfs (usr/default_cpio_list) holds, under
        // any other: /dev, /dev/console and /root, so init has a console.
        public static void AddDefaults(TmpfsDirectory root)
        {
            root.Create(Devices.Name("dev"), FileType.Directory, 0x1ed, 0, 0, out Inode? dev);
            dev!.Link(Devices.Name("console"), new SpecialFile(FileType.CharDevice, 5, 1, 0x180, 0, 0));
            root.Create(Devices.Name("root"), FileType.Directory, 0x1c0, 0, 0, out _);
        }

        public static string? Unpack(ReadOnlySpan<byte> archive, TmpfsDirectory root)
        {
            CpioEntry[]? entries = CpioNewc.Parse(archive, out string? error);
            if (entries is null) return error;
            var links = new (ulong Key, Inode Inode)[4];
            int linkCount = 0;
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
                    // Entries of one hard-linked file share an inode; the archive
                    // carries the data with one of them (GNU cpio: the last).
                    Inode? linked = entry.Nlink > 1 ? FindLink(links, linkCount, entry.LinkKey) : null;
                    if (linked is not null)
                    {
                        if (parent.Link(name, linked) != 0) return string.Concat("cannot link ", entry.Name);
                        linked.Nlink++;
                        inode = linked;
                    }
                    else if (parent.Create(name, FileType.Regular, permissions, entry.Uid, entry.Gid, out inode) != 0) return string.Concat("cannot create ", entry.Name);
                    if (entry.DataLength > 0) inode!.Write(0, archive.Slice(entry.DataOffset, entry.DataLength));
                    if (entry.Nlink > 1 && linked is null)
                    {
                        if (linkCount == links.Length) Array.Resize(ref links, linkCount * 2);
                        links[linkCount++] = (entry.LinkKey, inode!);
                    }
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
                else
                {
                    if (inode is not null) continue;
                    var type = (FileType)(entry.Mode & 0xf000);
                    if (type == FileType.Fifo) inode = new Fifo(permissions, entry.Uid, entry.Gid);
                    else if (type == FileType.CharDevice || type == FileType.BlockDevice || type == FileType.Socket)
                        inode = new SpecialFile(type, entry.RdevMajor, entry.RdevMinor, permissions, entry.Uid, entry.Gid);
                    else continue; // no such file type
                    parent.Link(name, inode);
                }
                inode!.Mode = (inode.Mode & 0xf000) | permissions;
                inode.Uid = entry.Uid;
                inode.Gid = entry.Gid;
                inode.Mtime = entry.Mtime * 1000000000UL;
            }
            Memory.KernelObjects.Free(links);
            return null;
        }

        private static Inode? FindLink((ulong Key, Inode Inode)[] links, int count, ulong key)
        {
            for (int i = 0; i < count; i++)
                if (links[i].Key == key) return links[i].Inode;
            return null;
        }
    }
}
