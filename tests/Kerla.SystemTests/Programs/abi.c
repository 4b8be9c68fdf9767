/* What a program gets at start (argv, envp, the auxiliary vector), EFAULT for
 * bad pointers, and execve's errors for files that cannot run. The program
 * re-executes itself with a known argv and environment, so the same binary
 * prints the same lines on Linux and on Kerla. */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 %s\n", call, strerror(errno));
    else printf("%s = %ld\n", call, result);
}

static int started(int argc, char **argv)
{
    printf("argc %d, argv[0] [%s], then:", argc, argv[0]);
    for (int i = 2; i < argc; i++) printf(" [%s]", argv[i]);
    printf("\nenvironment:");
    for (char **e = environ; *e; e++) printf(" [%s]", *e);
    printf("\n");
    Elf64_Phdr *phdr = (Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM), loads = 0;
    for (unsigned long i = 0; i < phnum; i++) loads += phdr[i].p_type == PT_LOAD;
    printf("AT_PAGESZ %lu AT_PHENT %lu, program headers readable with %s PT_LOAD\n", getauxval(AT_PAGESZ), getauxval(AT_PHENT),
           loads > 0 ? "a" : "no");
    printf("AT_CLKTCK %lu AT_SECURE %lu\n", getauxval(AT_CLKTCK), getauxval(AT_SECURE));
    printf("AT_UID/EUID/GID/EGID match %d\n", getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
                                              getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN is the path execve got %d\n", execfn && strcmp(execfn, argv[1]) == 0);
    const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
    int sum = 0;
    for (int i = 0; i < 16; i++) sum |= random[i];
    printf("AT_RANDOM gives 16 readable bytes, not all zero %d\n", sum != 0);
    printf("AT_ENTRY is set %d, AT_HWCAP is set %d\n", getauxval(AT_ENTRY) != 0, getauxval(AT_HWCAP) != 0);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[2], "started") == 0) return started(argc, argv);

    printf("-- start\n");
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        char *args[] = { "abi", argv[0], "started", "with spaces", "", NULL };
        char *env[] = { "A=1", "B=two words", "EMPTY=", NULL };
        execve(argv[0], args, env);
        _exit(99);
    }
    int status;
    waitpid(child, &status, 0);

    printf("-- bad pointers\n");
    void *volatile bad = (void *)1;
    show("write from a bad buffer", write(1, bad, 10));
    int p[2];
    pipe(p);
    write(p[1], "data", 4);
    show("read into a bad buffer", read(p[0], (char *)bad + 7, 4));
    struct stat st;
    /* The raw syscall: musl's stat goes through statx and its own buffer. */
    show("stat into a bad buffer", syscall(SYS_stat, "/", (struct stat *)16));
    show("stat of a bad path", syscall(SYS_stat, (const char *)24, &st));
    show("open of a bad path", open((const char *)32, O_RDONLY));

    printf("-- files that cannot run\n");
    int fd = open("garbage", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, "\177ELF\2\1\1\0garbage", 15);
    close(fd);
    fd = open("noexec", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, "#!/bin/true\n", 12);
    close(fd);
    fd = open("nointerp", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, "#!/no/such/interpreter\n", 23);
    close(fd);
    char *none[] = { "x", NULL };
    show("execve of a truncated ELF file", execve("./garbage", none, none));
    show("execve without execute permission", execve("./noexec", none, none));
    show("execve of a directory", execve(".", none, none));
    show("execve of a missing file", execve("./missing", none, none));
    show("execve of a script whose interpreter is missing", execve("./nointerp", none, none));
    unlink("garbage");
    unlink("noexec");
    unlink("nointerp");

    printf("-- limits and CPUs\n");
    struct rlimit lim = { 4096, 8192 }, got = { 0 };
    show("setrlimit RLIMIT_STACK", setrlimit(RLIMIT_STACK, &lim));
    show("getrlimit RLIMIT_STACK", getrlimit(RLIMIT_STACK, &got));
    printf("  %lu %lu\n", (unsigned long)got.rlim_cur, (unsigned long)got.rlim_max);
    struct rlimit inverted = { 10, 5 };
    show("setrlimit soft above hard", setrlimit(RLIMIT_STACK, &inverted));
    show("getrlimit bad resource", getrlimit(99, &got));
    show("prlimit of nobody", prlimit(999999, RLIMIT_STACK, NULL, &got));
    fflush(stdout);
    pid_t limited = fork();
    if (limited == 0) {
        struct rlimit higher = { 4096, 16384 }, lower = { 1024, 4096 };
        setuid(1000);
        int raise = setrlimit(RLIMIT_STACK, &higher) == -1 && errno == EPERM;
        int lowered = setrlimit(RLIMIT_STACK, &lower) == 0;
        _exit(raise * 2 + lowered);
    }
    waitpid(limited, &status, 0);
    printf("as uid 1000: raising the hard limit refused %d, lowering allowed %d\n", WEXITSTATUS(status) >> 1, WEXITSTATUS(status) & 1);
    cpu_set_t set;
    CPU_ZERO(&set);
    long n = syscall(SYS_sched_getaffinity, 0, sizeof set, &set);
    printf("sched_getaffinity: at least a long %d, CPU 0 in it %d\n", n >= 8, CPU_ISSET(0, &set) != 0);
    show("sched_getaffinity with a short mask", syscall(SYS_sched_getaffinity, 0, 4, &set));
    show("sched_getaffinity of nobody", syscall(SYS_sched_getaffinity, 999999, sizeof set, &set));
    unsigned cpu = 99, node = 99;
    show("getcpu", syscall(SYS_getcpu, &cpu, &node, NULL));
    return 0;
}
