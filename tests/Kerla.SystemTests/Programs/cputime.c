/* CPU-time accounting: getrusage, times, wait4's rusage and the CPU-time
 * clocks. The checks print 0/1 against loose bounds (a tenth of the time spun,
 * as the host may be busy with other tests) so that the same binary prints the
 * same lines on Linux and on Kerla. */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

static long ms(struct timespec t) { return t.tv_sec * 1000 + t.tv_nsec / 1000000; }
static long tv_ms(struct timeval t) { return t.tv_sec * 1000 + t.tv_usec / 1000; }

static long now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return ms(t);
}

/* Keeps the CPU busy for `wall` milliseconds of monotonic time. */
static void spin(long wall)
{
    long end = now(CLOCK_MONOTONIC) + wall;
    volatile unsigned long sink = 0;
    while (now(CLOCK_MONOTONIC) < end)
        for (int i = 0; i < 10000; i++) sink += i;
}

int main(void)
{
    long cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
    spin(400);
    long cpu1 = now(CLOCK_PROCESS_CPUTIME_ID);
    /* No upper bound: under a loaded host the emulated timer and TSC drift apart
     * by more than any bound that would still catch an accounting error. */
    printf("spinning 400 ms used at least 40 ms of CPU: %d\n", cpu1 - cpu0 >= 40);
    printf("thread clock close to process clock: %d\n", now(CLOCK_THREAD_CPUTIME_ID) - now(CLOCK_PROCESS_CPUTIME_ID) < 50);

    struct rusage ru;
    show("getrusage self", getrusage(RUSAGE_SELF, &ru));
    long self = tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime);
    printf("  user+system at least 40 ms: %d, microseconds in range: %d\n", self >= 40,
           ru.ru_utime.tv_usec < 1000000 && ru.ru_stime.tv_usec < 1000000);

    long before = now(CLOCK_PROCESS_CPUTIME_ID);
    usleep(300000);
    printf("sleeping 300 ms used under 100 ms of CPU: %d\n", now(CLOCK_PROCESS_CPUTIME_ID) - before < 100);

    show("getrusage children before", getrusage(RUSAGE_CHILDREN, &ru));
    printf("  children used nothing yet: %d\n", tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime) == 0);
    pid_t child = fork();
    if (child == 0) {
        spin(400);
        _exit(0);
    }
    int status;
    struct rusage child_ru;
    show("wait4 with rusage", wait4(child, &status, 0, &child_ru) == child);
    long used = tv_ms(child_ru.ru_utime) + tv_ms(child_ru.ru_stime);
    printf("  child used at least 40 ms: %d\n", used >= 40);
    getrusage(RUSAGE_CHILDREN, &ru);
    printf("  getrusage children agrees: %d\n", tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime) == used);
    struct tms t;
    clock_t ticks = times(&t);
    printf("times: ticks positive %d, children's ticks at least 4: %d, own ticks at least 4: %d\n", ticks > 0,
           t.tms_cutime + t.tms_cstime >= 4, t.tms_utime + t.tms_stime >= 4);
    printf("clock ticks per second: %ld\n", sysconf(_SC_CLK_TCK));

    show("getrusage bad who", getrusage(5, &ru));
    show("getrusage bad pointer", getrusage(RUSAGE_SELF, (struct rusage *)8));
    struct timespec res;
    show("clock_getres monotonic", clock_getres(CLOCK_MONOTONIC, &res));
    printf("  at most 1 ms: %d\n", res.tv_sec == 0 && res.tv_nsec <= 1000000);
    show("clock_getres process cputime", clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res));
    show("clock_getres NULL", clock_getres(CLOCK_REALTIME, NULL));
    show("clock_getres bad clock", clock_getres(99, &res));
    struct timespec tiny = {0, 1000};
    printf("clock_nanosleep thread cputime returns %d\n", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &tiny, NULL));
    return 0;
}
