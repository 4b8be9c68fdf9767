/* The benchmark init: runs every micro-benchmark, prints one line per result
 * ("kbench <name> <value> <unit>", lower is better unless the unit is MB/s),
 * then powers the machine off. The same static binary runs as /init on Linux
 * and on Kerla. "kbench quick" (the harness's quick mode) uses small sizes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int quick;
static const char *self;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(const char *name, double value, const char *unit)
{
    printf("kbench %s %.3f %s\n", name, value, unit);
    fflush(stdout);
}

static void getppid_latency(void)
{
    int n = quick ? 20000 : 200000;
    double t = now();
    for (int i = 0; i < n; i++) syscall(SYS_getppid);
    report("getppid", (now() - t) / n * 1e9, "ns");
}

static void fork_exit_wait(void)
{
    int n = quick ? 20 : 200;
    double t = now();
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(0);
        waitpid(pid, NULL, 0);
    }
    report("fork+exit+wait", (now() - t) / n * 1e6, "us");
}

static void fork_exec_wait(int use_vfork, const char *name)
{
    int n = quick ? 10 : 100;
    double t = now();
    for (int i = 0; i < n; i++) {
        pid_t pid = use_vfork ? vfork() : fork();
        if (pid == 0) {
            execl(self, self, "exit", (char *)NULL);
            _exit(127);
        }
        waitpid(pid, NULL, 0);
    }
    report(name, (now() - t) / n * 1e6, "us");
}

static void pipe_bandwidth(void)
{
    size_t total = (quick ? 8u : 64u) << 20, chunk = 64 << 10;
    static char buffer[64 << 10];
    int p[2];
    pipe(p);
    double t = now();
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        for (size_t done = 0; done < total; done += chunk) write(p[1], buffer, chunk);
        _exit(0);
    }
    close(p[1]);
    size_t got = 0;
    ssize_t n;
    while ((n = read(p[0], buffer, sizeof buffer)) > 0) got += n;
    waitpid(pid, NULL, 0);
    close(p[0]);
    report("pipe-bandwidth", got / (now() - t) / 1e6, "MB/s");
}

static void pipe_pingpong(void)
{
    int n = quick ? 500 : 5000;
    int there[2], back[2];
    pipe(there);
    pipe(back);
    pid_t pid = fork();
    char c = 'x';
    if (pid == 0) {
        for (int i = 0; i < n; i++) {
            read(there[0], &c, 1);
            write(back[1], &c, 1);
        }
        _exit(0);
    }
    double t = now();
    for (int i = 0; i < n; i++) {
        write(there[1], &c, 1);
        read(back[0], &c, 1);
    }
    report("pipe-pingpong", (now() - t) / n * 1e6, "us");
    waitpid(pid, NULL, 0);
}

static void tmpfs_file(void)
{
    size_t total = (quick ? 8u : 64u) << 20, chunk = 64 << 10;
    static char buffer[64 << 10];
    memset(buffer, 'k', sizeof buffer);
    int fd = open("/bench.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    double t = now();
    for (size_t done = 0; done < total; done += chunk) write(fd, buffer, chunk);
    report("tmpfs-write", total / (now() - t) / 1e6, "MB/s");
    lseek(fd, 0, SEEK_SET);
    t = now();
    while (read(fd, buffer, sizeof buffer) > 0) {}
    report("tmpfs-read", total / (now() - t) / 1e6, "MB/s");
    close(fd);
    unlink("/bench.tmp");
}

static void open_close_stat(void)
{
    int n = quick ? 2000 : 20000;
    double t = now();
    for (int i = 0; i < n; i++) close(open("/init", O_RDONLY));
    report("open+close", (now() - t) / n * 1e6, "us");
    struct stat st;
    t = now();
    for (int i = 0; i < n; i++) stat("/init", &st);
    report("stat", (now() - t) / n * 1e6, "us");
}

static void mmap_touch(void)
{
    int n = quick ? 2 : 10;
    size_t size = 16 << 20;
    double t = now();
    for (int i = 0; i < n; i++) {
        char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (size_t off = 0; off < size; off += 4096) p[off] = 1;
        munmap(p, size);
    }
    report("mmap-touch-16MiB", (now() - t) / n * 1e3, "ms");
}

static void yield_switch(void)
{
    int n = quick ? 2000 : 20000;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < n; i++) sched_yield();
        _exit(0);
    }
    double t = now();
    for (int i = 0; i < n; i++) sched_yield();
    double elapsed = now() - t;
    waitpid(pid, NULL, 0);
    report("sched_yield-switch", elapsed / (2.0 * n) * 1e6, "us");
}

int main(int argc, char **argv)
{
    self = argv[0];
    if (argc > 1 && strcmp(argv[1], "exit") == 0) return 0;
    quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    printf("kbench init\n");
    fflush(stdout);
    getppid_latency();
    fork_exit_wait();
    fork_exec_wait(0, "fork+exec+wait");
    fork_exec_wait(1, "vfork+exec+wait");
    pipe_bandwidth();
    pipe_pingpong();
    tmpfs_file();
    open_close_stat();
    mmap_touch();
    yield_switch();
    printf("kbench done\n");
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    return 0;
}
