/* What a program may do to the filesystem that must not hurt the kernel: use
 * directories removed under it, reopen a pipe through /proc, sit in a gone
 * process's /proc directory, pass empty paths, write at huge offsets, try to
 * make a read-only file mapping writable. Results printed as "call = value"
 * or "call = -1 errno N"; compared with Linux's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

int main(void)
{
    char buf[256], top[256];
    struct stat st;
    if (access("/proc/self/fd", F_OK) != 0) {
        mkdir("/proc", 0555);
        mount("proc", "/proc", "proc", 0, NULL);
    }
    getcwd(top, sizeof top);

    /* A directory and its parent removed while the process is in the child. */
    mkdir("ra", 0755);
    mkdir("ra/rb", 0755);
    show("chdir ra/rb", chdir("ra/rb"));
    show("rmdir ../rb", rmdir("../rb"));
    snprintf(buf, sizeof buf, "%s/ra", top);
    show("rmdir ra", rmdir(buf));
    show("stat .", stat(".", &st));
    printf("  links %ld\n", (long)st.st_nlink);
    show("getcwd", getcwd(buf, sizeof buf) ? 0 : -1);
    long n = readlink("/proc/self/cwd", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    const char *tail = "/ra/rb (deleted)";
    printf("  /proc/self/cwd ends with \"%s\": %d\n", tail, n >= (long)strlen(tail) && strcmp(buf + n - strlen(tail), tail) == 0);
    show("stat ..", stat("..", &st));
    show("open . O_DIRECTORY", open(".", O_RDONLY | O_DIRECTORY) >= 0 ? 0 : -1);
    show("create in it", open("x", O_CREAT | O_WRONLY, 0600));
    show("chdir ..", chdir(".."));
    show("chdir back", chdir(top));

    /* A pipe opened again through /proc, then both ends closed. */
    int p[2];
    pipe(p);
    snprintf(buf, sizeof buf, "/proc/self/fd/%d", p[0]);
    int o = open(buf, O_PATH);
    show("open a pipe's fd link O_PATH", o >= 0 ? 0 : -1);
    int r = open(buf, O_RDONLY | O_NONBLOCK);
    show("open it for reading", r >= 0 ? 0 : -1);
    close(p[0]);
    show("write with a reader left", write(p[1], "hi", 2));
    show("read it through the reopened end", read(r, buf, sizeof buf));
    close(p[1]);
    show("fstat the O_PATH descriptor", fstat(o, &st));
    printf("  fifo %d\n", S_ISFIFO(st.st_mode));
    close(o);
    close(r);

    /* A child's /proc directory, used after the child is gone. */
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        usleep(100000);
        _exit(0);
    }
    snprintf(buf, sizeof buf, "/proc/%d/fd", child);
    show("chdir /proc/<child>/fd", chdir(buf));
    snprintf(buf, sizeof buf, "/proc/%d/status", child);
    int status = open(buf, O_RDONLY);
    waitpid(child, NULL, 0);
    show("read the gone child's status", read(status, buf, sizeof buf) >= 0 ? 0 : -1);
    close(status);
    show("open . in the gone child's fd directory", open(".", O_RDONLY | O_DIRECTORY) >= 0 ? 0 : -1);
    show("chdir back", chdir(top));

    /* A FIFO gives what it holds in one read, however much. */
    static char big[6000];
    mkfifo("rfifo", 0600);
    int ff = open("rfifo", O_RDWR);
    write(ff, big, sizeof big);
    show("read a FIFO holding 6000 bytes", read(ff, big, sizeof big));
    close(ff);
    unlink("rfifo");
    show("open \"newdir/\" O_CREAT", open("newdir/", O_CREAT | O_WRONLY, 0600));
    show("open an existing directory O_CREAT", open("/", O_CREAT | O_RDONLY, 0600));
    show("open \"missing/x/\" O_CREAT", open("missing/x/", O_CREAT | O_WRONLY, 0600));

    /* Writes of up to PIPE_BUF bytes are whole or not at all. */
    pipe(p);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    static char fill[65536 - 100];
    show("fill a pipe but 100 bytes", write(p[1], fill, sizeof fill));
    show("a 4096-byte nonblocking write", write(p[1], fill, 4096));
    show("a 5000-byte nonblocking write", write(p[1], fill, 5000));
    close(p[0]), close(p[1]);

    /* Many nested directories removed from the bottom while a process sits at the bottom. */
    fflush(stdout);
    child = fork();
    if (child == 0) {
        for (int i = 0; i < 600; i++) { mkdir("deep", 0755); chdir("deep"); }
        for (int i = 0; i < 600; i++) {
            char up[4096] = "";
            for (int j = 0; j <= i; j++) strcat(up, "../");
            strcat(up, "deep");
            if (rmdir(up) != 0) _exit(1);
        }
        chdir("/");
        _exit(0);
    }
    int deep;
    waitpid(child, &deep, 0);
    show("remove 600 nested directories from below, then leave", WIFEXITED(deep) ? WEXITSTATUS(deep) : -1);

    /* O_PATH on a device node names the node: it opens even with no driver. */
    mknod("nodev", S_IFCHR | 0600, makedev(240, 7));
    show("open a driverless device node", open("nodev", O_RDONLY));
    int node = open("nodev", O_PATH);
    show("open it O_PATH", node >= 0 ? 0 : -1);
    show("  fstat", fstat(node, &st));
    printf("  char device %d, rdev %u:%u\n", S_ISCHR(st.st_mode), major(st.st_rdev), minor(st.st_rdev));
    unlink("nodev");
    show("  fstat once unlinked", fstat(node, &st));
    close(node);

    /* Empty paths. */
    show("mkdir \"\"", mkdir("", 0755));
    show("mknod \"\"", mknod("", S_IFIFO | 0600, 0));
    show("symlink to \"\"", symlink("t", ""));
    show("link to \"\"", link("robust-none", ""));
    show("unlink \"\"", unlink(""));
    show("rename \"\"", rename("", "x"));

    /* Far offsets make sparse files. */
    int f = open("huge", O_CREAT | O_RDWR | O_TRUNC, 0600);
    show("pwrite at 16 GiB", pwrite(f, "x", 1, 16L << 30));
    show("ftruncate to 32 GiB", ftruncate(f, 32L << 30));
    fstat(f, &st);
    printf("  size %lld, blocks at most 8: %d\n", (long long)st.st_size, st.st_blocks <= 8);
    close(f);
    unlink("huge");

    /* A read-only descriptor's shared mapping stays read-only. */
    f = open("ro", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(f, "data", 4);
    close(f);
    f = open("ro", O_RDONLY);
    char *map = mmap(NULL, 4096, PROT_READ, MAP_SHARED, f, 0);
    show("mmap a read-only file shared", map == MAP_FAILED ? -1 : 0);
    show("mprotect it writable", mprotect(map, 4096, PROT_READ | PROT_WRITE));
    show("mmap it shared writable", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, f, 0) == MAP_FAILED ? -1 : 0);
    close(f);
    unlink("ro");
    return 0;
}
