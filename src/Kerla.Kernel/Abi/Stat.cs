namespace Kerla.Kernel.Abi
{
    // struct stat as x86_64 stat(2), fstat(2), lstat(2) and newfstatat(2) fill it.
    [LinuxStruct("stat", "asm/stat.h")]
    [Field("st_dev", "unsigned long")]
    [Field("st_ino", "unsigned long")]
    [Field("st_nlink", "unsigned long")]
    [Field("st_mode", "unsigned int")]
    [Field("st_uid", "unsigned int")]
    [Field("st_gid", "unsigned int")]
    [Field("__pad0", "unsigned int")]
    [Field("st_rdev", "unsigned long")]
    [Field("st_size", "long")]
    [Field("st_blksize", "long")]
    [Field("st_blocks", "long")]
    [Field("st_atime", "unsigned long")]
    [Field("st_atime_nsec", "unsigned long")]
    [Field("st_mtime", "unsigned long")]
    [Field("st_mtime_nsec", "unsigned long")]
    [Field("st_ctime", "unsigned long")]
    [Field("st_ctime_nsec", "unsigned long")]
    [Field("__unused", "long[3]")]
    public readonly ref partial struct Stat { }

    [LinuxStruct("statx_timestamp", "linux/stat.h")]
    [Field("tv_sec", "__s64")]
    [Field("tv_nsec", "__u32")]
    [Field("__reserved", "__s32")]
    public readonly ref partial struct StatxTimestamp { }

    // statx(2).
    [LinuxStruct("statx", "linux/stat.h")]
    [Field("stx_mask", "__u32")]
    [Field("stx_blksize", "__u32")]
    [Field("stx_attributes", "__u64")]
    [Field("stx_nlink", "__u32")]
    [Field("stx_uid", "__u32")]
    [Field("stx_gid", "__u32")]
    [Field("stx_mode", "__u16")]
    [Field("__spare0", "__u16[1]")]
    [Field("stx_ino", "__u64")]
    [Field("stx_size", "__u64")]
    [Field("stx_blocks", "__u64")]
    [Field("stx_attributes_mask", "__u64")]
    [Field("stx_atime", "struct statx_timestamp")]
    [Field("stx_btime", "struct statx_timestamp")]
    [Field("stx_ctime", "struct statx_timestamp")]
    [Field("stx_mtime", "struct statx_timestamp")]
    [Field("stx_rdev_major", "__u32")]
    [Field("stx_rdev_minor", "__u32")]
    [Field("stx_dev_major", "__u32")]
    [Field("stx_dev_minor", "__u32")]
    [Field("stx_mnt_id", "__u64")]
    [Field("stx_dio_mem_align", "__u32")]
    [Field("stx_dio_offset_align", "__u32")]
    [Field("__spare3", "__u64[12]")]
    public readonly ref partial struct Statx { }

    // getdents64(2) records: a fixed header, then the NUL-terminated name.
    [LinuxStruct("dirent64", "dirent.h", Flexible = true, Prelude = "#define _GNU_SOURCE")]
    [Field("d_ino", "__u64")]
    [Field("d_off", "__s64")]
    [Field("d_reclen", "unsigned short")]
    [Field("d_type", "unsigned char")]
    [Field("d_name", "char[0]")]
    public readonly ref partial struct LinuxDirent64 { }
}

namespace Kerla.Kernel.Abi
{
    // statfs(2), fstatfs(2) on x86_64 (asm-generic/statfs.h, 64-bit words).
    [LinuxStruct("statfs", "asm/statfs.h")]
    [Field("f_type", "long")]
    [Field("f_bsize", "long")]
    [Field("f_blocks", "long")]
    [Field("f_bfree", "long")]
    [Field("f_bavail", "long")]
    [Field("f_files", "long")]
    [Field("f_ffree", "long")]
    [Field("f_fsid", "int[2]")]
    [Field("f_namelen", "long")]
    [Field("f_frsize", "long")]
    [Field("f_flags", "long")]
    [Field("f_spare", "long[4]")]
    public readonly ref partial struct Statfs { }
}
