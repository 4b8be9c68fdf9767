/* 1,000 fork + execve + exit cycles, with the kernel's free pages and heap
 * usage (from /proc/metrics) before and after, after a warm-up: what a cycle
 * takes must all come back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
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
    if (argc > 1) return 3;
    mkdir("/proc", 0555);
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
