/* 1,000 fork + execve + exit cycles, with the kernel's free pages and heap
 * usage (from /proc/metrics) before and after, after a warm-up: what a cycle
 * takes must all come back. Each child also uses files of every kind and
 * closes them, so that what they hold must come back too. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long metric(const char *name)
{
    char line[256];
    unsigned long value = 0;
    size_t length = strlen(name);
    FILE *f = fopen("/proc/metrics", "r");
    if (!f) { perror("/proc/metrics"); exit(1); }
    while (fgets(line, sizeof line, f))
        if (strncmp(line, name, length) == 0 && line[length] == ' ') value = strtoul(line + length + 1, NULL, 10);
    fclose(f);
    return value;
}

/* A pipe, a file written and removed (one removed while open), a FIFO, an
 * eventfd in an epoll set, a memfd mapped shared, a record lock: all closed;
 * directories made, entered, removed while in one, and left; a symlink made,
 * renamed, hard-linked and removed. */
static void files(void)
{
    char buf[8192] = {1};
    int p[2];
    pipe(p);
    write(p[1], buf, 100);
    read(p[0], buf, 100);
    int f = open("/tmp/leak-file", O_CREAT | O_RDWR | O_TRUNC, 0600);
    write(f, buf, sizeof buf);
    struct flock lock = {.l_type = F_WRLCK};
    fcntl(f, F_SETLK, &lock);
    unlink("/tmp/leak-file");
    pwrite(f, buf, 10, 20000);
    mkfifo("/tmp/leak-fifo", 0600);
    int fifo = open("/tmp/leak-fifo", O_RDWR);
    write(fifo, buf, 10);
    unlink("/tmp/leak-fifo");
    int e = eventfd(1, 0), ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN};
    epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev);
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    epoll_wait(ep, &ev, 1, 0);
    int m = memfd_create("leak", 0);
    ftruncate(m, 8192);
    char *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, m, 0);
    map[4096] = 1;
    munmap(map, 8192);
    int d = open("/proc/self/fd", O_RDONLY | O_DIRECTORY);
    syscall(SYS_getdents64, d, buf, sizeof buf);
    close(d), close(m), close(ep), close(e), close(fifo), close(f), close(p[0]), close(p[1]);
    mkdir("/tmp/leak-dir", 0700);
    mkdir("/tmp/leak-dir/sub", 0700);
    chdir("/tmp/leak-dir/sub");
    symlink("target", "link");
    rename("link", "renamed");
    link("renamed", "hard");
    unlink("renamed"), unlink("hard");
    rmdir("/tmp/leak-dir/sub");
    chdir("/");
    rmdir("/tmp/leak-dir");
}

static void cycles(const char *self, int n)
{
    for (int i = 0; i < n; i++) {
        pid_t child = fork();
        if (child == 0) {
            execl(self, self, "child", (char *)NULL);
            _exit(127);
        }
        int status;
        if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 3) {
            printf("cycle %d failed: status %#x\n", i, status);
            exit(1);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        files();
        return 3;
    }
    mkdir("/proc", 0555);
    mkdir("/tmp", 01777);
    if (mount("proc", "/proc", "proc", 0, NULL) != 0) { perror("mount proc"); return 1; }
    cycles(argv[0], 20);
    unsigned long pages = metric("kerla_pages_free"), heap = metric("kerla_heap_bytes_in_use");
    cycles(argv[0], 1000);
    unsigned long pages_after = metric("kerla_pages_free"), heap_after = metric("kerla_heap_bytes_in_use");
    printf("forks %lu\n", metric("kerla_forks_total"));
    printf("free pages before %lu after %lu\n", pages, pages_after);
    printf("heap bytes before %lu after %lu\n", heap, heap_after);
    return 0;
}
