/* select(2) and pselect(2) on pipes, each result printed as "call = value" or
 * "call = -1 errno N", so that the same binary prints the same lines on Linux
 * and on Kerla. */
#include <errno.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

int main(void)
{
    int p[2];
    pipe(p);
    fd_set r, w;
    struct timeval tv = {0, 0};

    FD_ZERO(&r); FD_ZERO(&w);
    FD_SET(p[0], &r); FD_SET(p[1], &w);
    show("select empty pipe", select(p[1] + 1, &r, &w, NULL, &tv));
    printf("  readable %d, writable %d\n", FD_ISSET(p[0], &r), FD_ISSET(p[1], &w));

    write(p[1], "x", 1);
    FD_ZERO(&r); FD_ZERO(&w);
    FD_SET(p[0], &r); FD_SET(p[1], &w);
    show("select after a write", select(p[1] + 1, &r, &w, NULL, &tv));
    printf("  readable %d, writable %d\n", FD_ISSET(p[0], &r), FD_ISSET(p[1], &w));
    char c;
    read(p[0], &c, 1);

    FD_ZERO(&r);
    FD_SET(p[0], &r);
    tv.tv_sec = 0;
    tv.tv_usec = 200000;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    show("select times out", select(p[0] + 1, &r, NULL, NULL, &tv));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long waited = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("  waited at least 200 ms: %d, readable %d\n", waited >= 200, FD_ISSET(p[0], &r));
    /* The kernel writes back the time not slept; libcs differ in passing it on. */
    tv.tv_sec = 0;
    tv.tv_usec = 50000;
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    show("raw select times out", syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv));
    printf("  timeout left %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
    tv.tv_usec = 0;

    /* A child writes after a while; select with no timeout wakes for it. */
    pid_t child = fork();
    if (child == 0) {
        usleep(100000);
        write(p[1], "y", 1);
        _exit(0);
    }
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    show("select until the child writes", select(p[0] + 1, &r, NULL, NULL, NULL));
    printf("  readable %d\n", FD_ISSET(p[0], &r));
    waitpid(child, NULL, 0);
    read(p[0], &c, 1);

    /* The writer gone: the read end is readable (end of file). */
    close(p[1]);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    struct timespec ts = {1, 0};
    show("pselect on a closed pipe", pselect(p[0] + 1, &r, NULL, NULL, &ts, NULL));
    printf("  readable %d\n", FD_ISSET(p[0], &r));

    FD_ZERO(&r);
    FD_SET(p[1], &r);
    show("select a closed descriptor", select(p[1] + 1, &r, NULL, NULL, &tv));
    show("select negative nfds", select(-1, NULL, NULL, NULL, &tv));
    tv.tv_sec = -1;
    show("select negative timeout", select(1, NULL, NULL, NULL, &tv));
    tv.tv_sec = 0;
    show("select bad set pointer", select(4, (fd_set *)8, NULL, NULL, &tv));
    /* glibc reads the timeval itself (it calls pselect6), so ask the kernel directly. */
    show("select bad timeout pointer", syscall(SYS_select, 1, NULL, NULL, NULL, (void *)8));
    ts.tv_nsec = 1000000000;
    show("pselect bad nanoseconds", pselect(1, NULL, NULL, NULL, &ts, NULL));
    FD_ZERO(&r);
    FD_SET(0, &r);
    show("select nothing asked", select(0, &r, NULL, NULL, &tv));
    return 0;
}
