/* The *at family and path resolution corner cases: O_PATH, O_NOFOLLOW, symlink
 * loops, ".." at the root, dirfd-relative calls, linkat's AT_SYMLINK_FOLLOW,
 * getdents64 offsets across calls, an unlinked file read through its open
 * descriptor. Each result is printed as "call = value" or "call = -1 errno N",
 * so that the same binary prints the same lines on Linux and on Kerla. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

/* struct statx as linux/stat.h lays it out (musl's headers have none). */
struct kstatx_time { long long tv_sec; unsigned tv_nsec; int reserved; };
struct kstatx {
    unsigned mask, blksize;
    unsigned long long attributes;
    unsigned nlink, uid, gid;
    unsigned short mode, spare0;
    unsigned long long ino, size, blocks, attributes_mask;
    struct kstatx_time atime, btime, ctime, mtime;
    unsigned rdev_major, rdev_minor, dev_major, dev_minor;
    unsigned long long spare[14];
};

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

/* An open's result as 0 for a descriptor: descriptor numbers are not compared. */
static long opened(int fd) { return fd >= 0 ? 0 : -1; }

int main(void)
{
    char buf[256];
    struct stat st;
    mkdir("pt", 0755);
    int dir = open("pt", O_RDONLY | O_DIRECTORY);
    show("open pt O_DIRECTORY", opened(dir));

    /* dirfd-relative creation and lookup. */
    int fd = openat(dir, "f", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    show("openat dir f O_CREAT", opened(fd));
    show("write", write(fd, "0123456789", 10));
    close(fd);
    show("mkdirat dir sub", mkdirat(dir, "sub", 0755));
    show("symlinkat f -> dir/link", symlinkat("f", dir, "link"));
    show("symlinkat loop a -> b", symlinkat("b", dir, "a"));
    show("symlinkat loop b -> a", symlinkat("a", dir, "b"));
    show("symlinkat sub -> dir/sublink", symlinkat("sub", dir, "sublink"));
    show("fstatat link, following", fstatat(dir, "link", &st, 0));
    printf("  regular %d, size %ld\n", S_ISREG(st.st_mode), (long)st.st_size);
    show("fstatat link, not following", fstatat(dir, "link", &st, AT_SYMLINK_NOFOLLOW));
    printf("  symlink %d\n", S_ISLNK(st.st_mode));
    show("fstatat with a file as dirfd", fstatat(open("pt/f", O_RDONLY), "x", &st, 0));

    /* Symlinks: loops, O_NOFOLLOW, through directories, trailing slashes. */
    show("open a symlink loop", opened(open("pt/a", O_RDONLY)));
    show("stat through a loop in the middle", stat("pt/a/x", &st));
    show("open O_NOFOLLOW on a symlink", opened(open("pt/link", O_RDONLY | O_NOFOLLOW)));
    show("open O_NOFOLLOW on a file", opened(fd = open("pt/f", O_RDONLY | O_NOFOLLOW)));
    close(fd);
    show("open O_CREAT|O_EXCL on a dangling loop", opened(open("pt/a", O_CREAT | O_EXCL | O_WRONLY, 0644)));
    show("stat through a directory symlink", stat("pt/sublink/", &st));
    show("stat a file with a trailing slash", stat("pt/f/", &st));
    show("stat a file symlink with a trailing slash", stat("pt/link/", &st));
    show("mkdir with a trailing slash", mkdir("pt/made/", 0755));
    show("rmdir it with a trailing slash", rmdir("pt/made/"));

    /* ".." at the root stays at the root. */
    show("stat /..", stat("/..", &st));
    struct stat root;
    stat("/", &root);
    printf("  /.. is /: %d\n", st.st_ino == root.st_ino && st.st_dev == root.st_dev);
    show("stat /../..", stat("/../..", &st));
    printf("  /../.. is /: %d\n", st.st_ino == root.st_ino && st.st_dev == root.st_dev);
    fd = open("pt/link", O_CREAT | O_WRONLY, 0644);
    show("open O_CREAT through a symlink to an existing file", opened(fd));
    close(fd);
    show("symlinkat dangling -> made", symlinkat("made", dir, "dangling"));
    fd = open("pt/dangling", O_CREAT | O_WRONLY, 0600);
    show("open O_CREAT through a dangling symlink", opened(fd));
    close(fd);
    show("  stat what it made", stat("pt/made", &st));
    printf("  regular %d, mode %o\n", S_ISREG(st.st_mode), st.st_mode & 07777);
    show("open O_CREAT|O_EXCL through it now", opened(open("pt/dangling", O_CREAT | O_EXCL | O_WRONLY, 0600)));

    /* O_PATH: a descriptor that names a file without opening it. */
    fd = open("pt/f", O_PATH);
    show("open O_PATH", opened(fd));
    show("  read", read(fd, buf, 1));
    show("  fstat", fstat(fd, &st));
    printf("  size %ld\n", (long)st.st_size);
    show("  fstatat AT_EMPTY_PATH", fstatat(fd, "", &st, AT_EMPTY_PATH));
    show("  fcntl getfl has O_PATH", (fcntl(fd, F_GETFL) & O_PATH) != 0);
    close(fd);
    fd = open("pt/link", O_PATH | O_NOFOLLOW);
    show("open O_PATH|O_NOFOLLOW on a symlink", opened(fd));
    show("  fstat", fstat(fd, &st));
    printf("  symlink %d\n", S_ISLNK(st.st_mode));
    long n = readlinkat(fd, "", buf, sizeof buf);
    show("  readlinkat empty path", n);
    printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
    close(fd);

    /* linkat: a hard link to the symlink itself, or (AT_SYMLINK_FOLLOW) to its target. */
    show("linkat link -> hard1", linkat(dir, "link", dir, "hard1", 0));
    show("lstat hard1", fstatat(dir, "hard1", &st, AT_SYMLINK_NOFOLLOW));
    printf("  symlink %d\n", S_ISLNK(st.st_mode));
    show("linkat AT_SYMLINK_FOLLOW link -> hard2", linkat(dir, "link", dir, "hard2", AT_SYMLINK_FOLLOW));
    show("lstat hard2", fstatat(dir, "hard2", &st, AT_SYMLINK_NOFOLLOW));
    printf("  regular %d, links %ld\n", S_ISREG(st.st_mode), (long)st.st_nlink);
    show("linkat bad flags", linkat(dir, "f", dir, "hard3", 0x1));

    /* unlinkat: AT_REMOVEDIR for directories only. */
    show("unlinkat sub without AT_REMOVEDIR", unlinkat(dir, "sub", 0));
    show("unlinkat f with AT_REMOVEDIR", unlinkat(dir, "f", AT_REMOVEDIR));
    show("unlinkat sub AT_REMOVEDIR", unlinkat(dir, "sub", AT_REMOVEDIR));

    /* An unlinked file stays readable and writable through its descriptor. */
    fd = open("pt/f", O_RDWR);
    show("unlink an open file", unlink("pt/f"));
    show("  stat by name", stat("pt/f", &st));
    show("  fstat", fstat(fd, &st));
    printf("  links %ld, size %ld\n", (long)st.st_nlink, (long)st.st_size);
    show("  pwrite", pwrite(fd, "AB", 2, 10));
    n = pread(fd, buf, sizeof buf, 0);
    show("  pread", n);
    printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
    close(fd);

    /* O_TMPFILE: a file with no name, which linkat can name (unless O_EXCL). */
    fd = open("pt", O_TMPFILE | O_RDWR, 0640);
    show("open O_TMPFILE", opened(fd));
    show("  write", write(fd, "tmp", 3));
    show("  fstat", fstat(fd, &st));
    printf("  regular %d, links %ld, mode %o\n", S_ISREG(st.st_mode), (long)st.st_nlink, st.st_mode & 07777);
    show("  linkat AT_EMPTY_PATH", linkat(fd, "", AT_FDCWD, "pt/named", AT_EMPTY_PATH));
    show("  stat the name", stat("pt/named", &st));
    printf("  size %ld, links %ld\n", (long)st.st_size, (long)st.st_nlink);
    close(fd);
    unlink("pt/named");
    fd = open("pt", O_TMPFILE | O_EXCL | O_WRONLY, 0600);
    show("open O_TMPFILE|O_EXCL", opened(fd));
    show("  linkat AT_EMPTY_PATH", linkat(fd, "", AT_FDCWD, "pt/never", AT_EMPTY_PATH));
    close(fd);
    show("open O_TMPFILE read-only", opened(open("pt", O_TMPFILE | O_RDONLY, 0600)));
    show("open O_TMPFILE on a file", opened(open("pt/made", O_TMPFILE | O_RDWR, 0600)));
    show("open O_TMPFILE|O_CREAT", opened(open("pt", O_TMPFILE | O_CREAT | O_RDWR, 0600)));

    /* statx says what stat says. */
    const char *statx_paths[] = {"pt", "pt/made", "pt/sublink"};
    for (int i = 0; i < 3; i++) {
        struct kstatx sx;
        int flags = i == 2 ? AT_SYMLINK_NOFOLLOW : 0;
        show(statx_paths[i], syscall(SYS_statx, AT_FDCWD, statx_paths[i], flags, 0x7ff, &sx));
        fstatat(AT_FDCWD, statx_paths[i], &st, flags);
        printf("  basic stats %d, mode %d, nlink %d, ids %d, ino %d, size %d, blocks %d, mtime %d, dev %d\n",
               (sx.mask & 0x7ff) == 0x7ff, sx.mode == st.st_mode, sx.nlink == st.st_nlink, sx.uid == st.st_uid && sx.gid == st.st_gid,
               sx.ino == st.st_ino, (long long)sx.size == st.st_size, (long long)sx.blocks == st.st_blocks,
               sx.mtime.tv_sec == st.st_mtim.tv_sec && sx.mtime.tv_nsec == st.st_mtim.tv_nsec,
               sx.dev_major == major(st.st_dev) && sx.dev_minor == minor(st.st_dev));
    }
    struct kstatx sx;
    show("statx bad flags", syscall(SYS_statx, AT_FDCWD, "pt", 0x1, 0x7ff, &sx));
    show("statx reserved mask bit", syscall(SYS_statx, AT_FDCWD, "pt", 0, 0x80000000u, &sx));
    show("statx missing", syscall(SYS_statx, AT_FDCWD, "pt/missing", 0, 0x7ff, &sx));
    show("statx AT_EMPTY_PATH on the directory fd", syscall(SYS_statx, dir, "", AT_EMPTY_PATH, 0x7ff, &sx));
    printf("  directory %d\n", S_ISDIR(sx.mode));

    /* O_APPEND writes go to the end, whatever the offset. */
    fd = open("pt/log", O_CREAT | O_WRONLY | O_APPEND, 0644);
    write(fd, "one\n", 4);
    lseek(fd, 0, SEEK_SET);
    write(fd, "two\n", 4);
    show("O_APPEND offset after two writes", lseek(fd, 0, SEEK_CUR));
    close(fd);

    /* getdents64 in small steps: offsets carry on across calls and lseek back. */
    for (int i = 0; i < 12; i++) {
        snprintf(buf, sizeof buf, "pt/e%02d", i);
        close(open(buf, O_CREAT | O_WRONLY, 0644));
    }
    int d = open("pt", O_RDONLY | O_DIRECTORY);
    char dents[96];
    int calls = 0, entries = 0;
    long offsets[64];
    for (;;) {
        long got = syscall(SYS_getdents64, d, dents, sizeof dents);
        if (got <= 0) {
            show("getdents64 at the end", got);
            break;
        }
        calls++;
        for (long at = 0; at < got;) {
            unsigned short reclen = *(unsigned short *)(dents + at + 16);
            if (entries < 64) offsets[entries] = *(long *)(dents + at + 8);
            entries++;
            at += reclen;
        }
    }
    printf("  entries %d, more than one call %d\n", entries, calls > 1);
    /* Back to after the fifth entry: the rest comes again. */
    show("lseek to the fifth entry's offset", lseek(d, offsets[4], SEEK_SET) == offsets[4] ? 0 : -1);
    int again = 0;
    for (;;) {
        long got = syscall(SYS_getdents64, d, dents, sizeof dents);
        if (got <= 0) break;
        for (long at = 0; at < got; at += *(unsigned short *)(dents + at + 16)) again++;
    }
    printf("  entries after it %d\n", again);
    show("getdents64 too small a buffer", syscall(SYS_getdents64, open("pt", O_RDONLY | O_DIRECTORY), dents, 8));
    show("getdents64 on a file", syscall(SYS_getdents64, open("pt/log", O_RDONLY), dents, sizeof dents));
    close(d);

    /* Clean up through the *at calls. */
    const char *names[] = {"link", "a", "b", "sublink", "hard1", "hard2", "log", "dangling", "made"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) unlinkat(dir, names[i], 0);
    for (int i = 0; i < 12; i++) {
        snprintf(buf, sizeof buf, "e%02d", i);
        unlinkat(dir, buf, 0);
    }
    show("rmdir pt", rmdir("pt"));
    return 0;
}
