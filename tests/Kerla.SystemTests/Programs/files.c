/* File syscalls, each result printed as "call = value" or "call = -1 errno N",
 * so that the same binary prints the same lines on Linux and on Kerla. Runs in
 * a tree holding etc/lines ("line one\nline two\nline three\n"). */
#define _GNU_SOURCE /* AT_EMPTY_PATH */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Prints a directory's entries, sorted: readdir's order is the filesystem's own. */
static void list(const char *path)
{
    char *names[16];
    int count = 0;
    DIR *dir = opendir(path);
    for (struct dirent *e; (e = readdir(dir)) && count < 16;) names[count++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, count, sizeof names[0], compare);
    printf("%s holds:", path);
    for (int i = 0; i < count; i++) printf(" %s", names[i]);
    printf("\n");
}

int main(void)
{
    char buf[64];
    int fd = open("etc/lines", O_RDONLY);
    show("open etc/lines", fd >= 3 ? 3 : fd);
    long n = read(fd, buf, 8);
    show("read 8", n);
    printf("  \"%.*s\"\n", (int)n, buf);
    show("lseek end", lseek(fd, 0, SEEK_END));
    show("read at end", read(fd, buf, 8));
    n = pread(fd, buf, 8, 9);
    show("pread 8 at 9", n);
    printf("  \"%.*s\"\n", (int)n, buf);
    show("lseek cur", lseek(fd, 0, SEEK_CUR));
    show("lseek negative", lseek(fd, -100, SEEK_SET));
    show("lseek on stdout", lseek(1, 0, SEEK_SET));
    show("dup2 to 10", dup2(fd, 10));
    show("fcntl getfd", fcntl(10, F_GETFD));
    show("fcntl setfd", fcntl(10, F_SETFD, FD_CLOEXEC));
    show("fcntl getfd again", fcntl(10, F_GETFD));
    show("fcntl getfl accmode", fcntl(10, F_GETFL) & O_ACCMODE);
    show("fcntl dupfd 20", fcntl(fd, F_DUPFD, 20));
    show("close 10", close(10));
    show("close 10 again", close(10));
    show("write to a read-only fd", write(fd, "x", 1));
    show("close", close(fd));
    show("open missing", open("etc/missing", O_RDONLY));
    show("open through a file", open("etc/lines/x", O_RDONLY));
    show("open dir for writing", open("etc", O_WRONLY));
    show("open file as directory", open("etc/lines", O_RDONLY | O_DIRECTORY));

    umask(022);
    show("mkdir newdir", mkdir("newdir", 0777));
    show("mkdir newdir again", mkdir("newdir", 0777));
    show("chdir newdir", chdir("newdir"));
    char *cwd = getcwd(buf, sizeof buf);
    printf("getcwd ends with /newdir: %d\n", cwd && strlen(cwd) >= 7 && strcmp(cwd + strlen(cwd) - 7, "/newdir") == 0);
    show("getcwd too small", getcwd(buf, 2) ? 0 : -1);
    fd = open("file", O_CREAT | O_WRONLY | O_TRUNC, 0666);
    show("create file", fd >= 3 ? 3 : fd);
    show("write hello", write(fd, "hello", 5));
    show("pwrite at 10", pwrite(fd, "X", 1, 10));
    show("close", close(fd));
    struct stat st;
    show("stat file", stat("file", &st));
    printf("  size %ld, mode %o, regular %d\n", (long)st.st_size, st.st_mode & 07777, S_ISREG(st.st_mode));
    show("open O_EXCL existing", open("file", O_CREAT | O_EXCL | O_WRONLY, 0600));
    fd = open("file", O_RDONLY);
    n = read(fd, buf, sizeof buf);
    show("read back", n);
    printf("  hole bytes are zero: %d, tail %c\n", buf[5] == 0 && buf[9] == 0, buf[10]);
    close(fd);
    show("access read", access("file", R_OK));
    show("access execute", access("file", X_OK));
    show("access missing", access("missing", F_OK));
    show("rmdir a file", rmdir("file"));
    show("unlink file", unlink("file"));
    show("unlink again", unlink("file"));
    show("chdir ..", chdir(".."));
    show("unlink a directory", unlink("newdir"));
    show("rmdir newdir", rmdir("newdir"));
    show("stat removed", stat("newdir", &st));
    show("lstat etc", lstat("etc", &st));
    printf("  directory %d\n", S_ISDIR(st.st_mode));

    /* rename, link and symlink, in a tree of their own. */
    mkdir("tree", 0755);
    mkdir("tree/a", 0755);
    mkdir("tree/b", 0755);
    close(open("tree/f", O_CREAT | O_WRONLY, 0644));
    close(open("tree/g", O_CREAT | O_WRONLY, 0644));
    show("link f to h", link("tree/f", "tree/h"));
    stat("tree/f", &st);
    printf("  f has %ld links\n", (long)st.st_nlink);
    show("link over existing", link("tree/f", "tree/g"));
    show("link a directory", link("tree/a", "tree/d"));
    show("link missing", link("tree/missing", "tree/d"));
    show("symlink s to f", symlink("f", "tree/s"));
    show("symlink existing", symlink("f", "tree/g"));
    n = readlink("tree/s", buf, sizeof buf);
    show("readlink s", n);
    printf("  \"%.*s\"\n", (int)n, buf);
    show("stat through s", stat("tree/s", &st));
    printf("  f has %ld links, regular %d\n", (long)st.st_nlink, S_ISREG(st.st_mode));
    show("symlink dangling", symlink("nowhere", "tree/dangling"));
    show("open dangling", open("tree/dangling", O_RDONLY));
    show("rename f to g (replaces g)", rename("tree/f", "tree/g"));
    show("stat f", stat("tree/f", &st));
    show("stat g", stat("tree/g", &st));
    printf("  g has %ld links\n", (long)st.st_nlink);
    show("rename g to h (same file)", rename("tree/g", "tree/h"));
    show("stat g again", stat("tree/g", &st));
    show("rename missing", rename("tree/missing", "tree/x"));
    show("rename file over dir", rename("tree/h", "tree/a"));
    show("rename dir over file", rename("tree/a", "tree/h"));
    show("rename file with trailing slash", rename("tree/h", "tree/x/"));
    show("rename a into b", rename("tree/a", "tree/b/a"));
    stat("tree", &st);
    printf("  tree has %ld links\n", (long)st.st_nlink);
    stat("tree/b", &st);
    printf("  b has %ld links\n", (long)st.st_nlink);
    show("rename b into itself", rename("tree/b", "tree/b/a/b"));
    show("rename b over nonempty", rename("tree/b/a", "tree"));
    mkdir("tree/c", 0755);
    show("rename b/a over empty c", rename("tree/b/a", "tree/c"));
    show("chdir tree/c/..", chdir("tree/c/.."));
    show("stat b/a gone", stat("b/a", &st));
    show("rename dot", rename(".", "x"));
    show("renameat2 noreplace", syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "h", 1));
    show("renameat2 noreplace free", syscall(SYS_renameat2, AT_FDCWD, "h", AT_FDCWD, "k", 1));
    show("renameat2 exchange", syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "c", 2));
    show("stat g is a directory", stat("g", &st) == 0 && S_ISDIR(st.st_mode));
    show("renameat2 exchange missing", syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "none", 2));
    show("renameat2 both flags", syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "c", 3));
    show("renameat2 bad flags", syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "c", 0x100));
    show("rename bad pointer", rename((const char *)8, "x"));
    show("chdir ..", chdir(".."));

    /* sendfile from etc/lines into a new file, at an offset and at the file position. */
    int in = open("etc/lines", O_RDONLY), out = open("tree/copy", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    off_t at = 5;
    show("sendfile 8 from offset 5", sendfile(out, in, &at, 8));
    printf("  offset now %ld, file position still %ld\n", (long)at, (long)lseek(in, 0, SEEK_CUR));
    show("sendfile the rest", sendfile(out, in, NULL, 100));
    printf("  file position now %ld\n", (long)lseek(in, 0, SEEK_CUR));
    show("sendfile at the end", sendfile(out, in, NULL, 100));
    show("sendfile to a read-only fd", sendfile(in, in, NULL, 1));
    show("sendfile bad offset pointer", sendfile(out, in, (off_t *)8, 1));
    close(out);
    out = open("tree/copy", O_RDONLY);
    n = read(out, buf, sizeof buf);
    printf("  copy holds %ld bytes: \"%.8s\" then \"%.9s\"\n", n, buf, buf + 8);
    close(out);
    close(in);
    unlink("tree/copy");

    /* Modes and owners. */
    show("chmod k 4755", chmod("tree/k", 04755));
    stat("tree/k", &st);
    printf("  mode %o\n", st.st_mode & 07777);
    show("chown k 1000:1000", chown("tree/k", 1000, 1000));
    stat("tree/k", &st);
    printf("  owner %d:%d, mode %o (set-user-ID dropped)\n", st.st_uid, st.st_gid, st.st_mode & 07777);
    show("chown k -1:2000", chown("tree/k", -1, 2000));
    stat("tree/k", &st);
    printf("  owner %d:%d\n", st.st_uid, st.st_gid);
    show("lchown s", lchown("tree/s", 3000, 3000));
    lstat("tree/s", &st);
    printf("  link owner %d\n", st.st_uid);
    stat("tree/k", &st);
    printf("  k keeps owner %d\n", st.st_uid);
    fd = open("tree/k", O_RDONLY);
    show("fchmod 0600", fchmod(fd, 0600));
    show("fchown 0:0", fchown(fd, 0, 0));
    fstat(fd, &st);
    printf("  owner %d:%d, mode %o\n", st.st_uid, st.st_gid, st.st_mode & 07777);
    show("fchmod bad fd", fchmod(99, 0600));
    show("fchownat bad flags", fchownat(AT_FDCWD, "tree/k", 0, 0, 0x4));
    show("fchownat empty path", fchownat(fd, "", 5, 5, AT_EMPTY_PATH));
    close(fd);
    show("chmod missing", chmod("tree/missing", 0600));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        /* Not the owner and not root: both are refused. */
        setgid(1000);
        setuid(1000);
        show("  as uid 1000: chmod root's file", chmod("etc/lines", 0777));
        show("  as uid 1000: chown root's file", chown("etc/lines", 1000, 1000));
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    list("tree");
    list("etc");
    /* truncate, ftruncate, fsync, utimensat */
    int tf = open("sized", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(tf, "0123456789", 10);
    show("ftruncate shorter", ftruncate(tf, 4));
    show("truncate longer", truncate("sized", 8));
    struct stat ts_st;
    fstat(tf, &ts_st);
    char back[8];
    pread(tf, back, 8, 0);
    printf("  size %ld, bytes %c%c%c%c %d %d\n", (long)ts_st.st_size, back[0], back[1], back[2], back[3], back[4], back[7]);
    show("ftruncate negative", ftruncate(tf, -1));
    show("truncate a directory", truncate(".", 0));
    show("truncate a missing file", truncate("nothere", 0));
    int tro = open("sized", O_RDONLY);
    show("ftruncate read-only", ftruncate(tro, 0));
    close(tro);
    show("fsync", fsync(tf));
    show("fdatasync", fdatasync(tf));
    int tp[2];
    pipe(tp);
    show("fsync a pipe", fsync(tp[0]));
    close(tp[0]);
    close(tp[1]);
    struct timespec times[2] = { { 1000000000, 0 }, { 1234567890, 0 } };
    show("utimensat", utimensat(AT_FDCWD, "sized", times, 0));
    stat("sized", &ts_st);
    printf("  atime %ld mtime %ld\n", (long)ts_st.st_atime, (long)ts_st.st_mtime);
    struct timespec omit[2] = { { 0, UTIME_OMIT }, { 5, 0 } };
    show("utimensat, atime omitted", utimensat(AT_FDCWD, "sized", omit, 0));
    stat("sized", &ts_st);
    printf("  atime %ld mtime %ld\n", (long)ts_st.st_atime, (long)ts_st.st_mtime);
    show("futimens", futimens(tf, times));
    struct timespec bad[2] = { { 0, 2000000000 }, { 0, 0 } };
    show("utimensat bad nanoseconds", utimensat(AT_FDCWD, "sized", bad, 0));
    show("utimensat of a missing file", utimensat(AT_FDCWD, "nothere", NULL, 0));
    show("utimensat bad flags", utimensat(AT_FDCWD, "sized", NULL, 0x4));
    close(tf);
    unlink("sized");
    /* fallocate */
    int fa = open("allocated", O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct stat fa_st;
    show("fallocate", fallocate(fa, 0, 0, 8192));
    fstat(fa, &fa_st);
    printf("  size %ld\n", (long)fa_st.st_size);
    show("fallocate keeping the size", fallocate(fa, FALLOC_FL_KEEP_SIZE, 8192, 4096));
    fstat(fa, &fa_st);
    printf("  size %ld\n", (long)fa_st.st_size);
    pwrite(fa, "abcdefgh", 8, 0);
    show("fallocate punching a hole", fallocate(fa, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 2, 4));
    char holed[8];
    pread(fa, holed, 8, 0);
    printf("  %c%c %d%d%d%d %c%c\n", holed[0], holed[1], holed[2], holed[3], holed[4], holed[5], holed[6], holed[7]);
    show("fallocate punching without keeping the size", fallocate(fa, FALLOC_FL_PUNCH_HOLE, 0, 1));
    show("fallocate of nothing", fallocate(fa, 0, 0, 0));
    int fa_ro = open("allocated", O_RDONLY);
    show("fallocate read-only", fallocate(fa_ro, 0, 0, 1));
    close(fa_ro);
    int fa_p[2];
    pipe(fa_p);
    show("fallocate a pipe", fallocate(fa_p[1], 0, 0, 1));
    close(fa_p[0]);
    close(fa_p[1]);
    close(fa);
    unlink("allocated");
    /* chroot, in a child so that the rest keeps its root */
    fflush(stdout);
    pid_t jailed = fork();
    if (jailed == 0) {
        struct stat js;
        char where[64];
        show("chroot to a file", chroot("etc/lines"));
        show("chroot to a missing directory", chroot("nothere"));
        show("chroot", chroot("tree"));
        show("  stat /b inside", stat("/b", &js));
        show("  stat /../b inside", stat("/../b", &js));
        show("  stat /tree from inside", stat("/tree", &js));
        chdir("/");
        show("  getcwd", getcwd(where, sizeof where) ? (long)strlen(where) : -1);
        printf("  cwd %s\n", where);
        fflush(stdout);
        pid_t nobody = fork();
        if (nobody == 0) {
            setuid(1000);
            show("  chroot as uid 1000", chroot("/"));
            fflush(stdout);
            _exit(0);
        }
        waitpid(nobody, NULL, 0);
        _exit(0);
    }
    waitpid(jailed, NULL, 0);
    /* flock: held by open file descriptions */
    int l1 = open("locked", O_RDWR | O_CREAT | O_TRUNC, 0644), l2 = open("locked", O_RDWR);
    show("flock exclusive", flock(l1, LOCK_EX));
    show("flock exclusive from another description", flock(l2, LOCK_EX | LOCK_NB));
    show("flock shared from another description", flock(l2, LOCK_SH | LOCK_NB));
    int l3 = dup(l1);
    show("flock unlock through a dup", flock(l3, LOCK_UN));
    show("flock shared", flock(l2, LOCK_SH | LOCK_NB));
    show("flock shared again, other description", flock(l1, LOCK_SH | LOCK_NB));
    show("flock exclusive while shared elsewhere", flock(l1, LOCK_EX | LOCK_NB));
    close(l2);
    show("flock exclusive after the other closed", flock(l1, LOCK_EX | LOCK_NB));
    show("flock bad operation", flock(l1, LOCK_SH | LOCK_EX));
    show("flock bad descriptor", flock(99, LOCK_SH));
    int go_lock[2];
    pipe(go_lock);
    fflush(stdout);
    pid_t waiter = fork();
    if (waiter == 0) {
        int mine = open("locked", O_RDWR);
        write(go_lock[1], "w", 1);
        int r = flock(mine, LOCK_EX); /* waits until the parent unlocks */
        printf("  the waiting child got the lock: %d\n", r);
        fflush(stdout);
        _exit(0);
    }
    char gl;
    read(go_lock[0], &gl, 1);
    usleep(100000);
    printf("  parent unlocks\n");
    fflush(stdout);
    flock(l1, LOCK_UN);
    waitpid(waiter, NULL, 0);
    close(l1);
    close(l3);
    close(go_lock[0]);
    close(go_lock[1]);
    unlink("locked");
    return 0;
}
