/* Signals: handlers with SA_SIGINFO, masks, SA_RESTART and EINTR, SA_NODEFER,
 * SA_RESETHAND, sigaltstack, faults with si_code and si_addr, default actions,
 * stop and continue, SIGCHLD, SIGPIPE, alarm, setitimer, sigtimedwait, and
 * what fork and exec keep. Every line is deterministic, so the same binary
 * prints the same lines on Linux and on Kerla. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t hits, last_signo, last_code, last_pid_is_me, blocked_inside, usr2_blocked_inside;
static volatile uintptr_t last_addr;
static volatile unsigned handler_mxcsr;
static sigjmp_buf escape;
static int pipe_fds[2];

/* musl has no strerrorname_np. */
static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EINVAL: return "EINVAL";
    case EPIPE: return "EPIPE";
    case ECHILD: return "ECHILD";
    default: return "other";
    }
}

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 %s\n", call, errname(errno));
    else printf("%s = %ld\n", call, result);
}

static void on_info(int signo, siginfo_t *info, void *context)
{
    (void)context;
    sigset_t now;
    hits++;
    last_signo = signo;
    last_code = info->si_code;
    last_pid_is_me = info->si_pid == getpid();
    sigprocmask(SIG_BLOCK, NULL, &now);
    blocked_inside = sigismember(&now, signo);
    usr2_blocked_inside = sigismember(&now, SIGUSR2);
    handler_mxcsr = __builtin_ia32_stmxcsr();
}

static void on_fault(int signo, siginfo_t *info, void *context)
{
    (void)context;
    last_signo = signo;
    last_code = info->si_code;
    last_addr = (uintptr_t)info->si_addr;
    siglongjmp(escape, 1);
}

static void on_alarm(int signo)
{
    (void)signo;
    hits++;
}

static void on_alarm_write(int signo)
{
    (void)signo;
    hits++;
    write(pipe_fds[1], "x", 1);
}

static volatile uintptr_t alt_base, alt_size;
static volatile int on_alt, alt_flags_inside, alt_change_inside;

static void on_alt_stack(int signo)
{
    (void)signo;
    int local;
    stack_t now, other = { .ss_sp = malloc(65536), .ss_size = 65536 };
    on_alt = (uintptr_t)&local >= alt_base && (uintptr_t)&local < alt_base + alt_size;
    sigaltstack(NULL, &now);
    alt_flags_inside = now.ss_flags;
    alt_change_inside = sigaltstack(&other, NULL) == -1 ? errno : 0;
}

static void on_chld(int signo, siginfo_t *info, void *context)
{
    (void)signo;
    (void)context;
    hits++;
    last_code = info->si_code;
    last_signo = info->si_status;
    last_pid_is_me = info->si_pid;
}

static void handle(int signo, void (*action)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa = { .sa_sigaction = action, .sa_flags = SA_SIGINFO | flags };
    sigemptyset(&sa.sa_mask);
    sigaction(signo, &sa, NULL);
}

static void handle_plain(int signo, void (*action)(int), int flags)
{
    struct sigaction sa = { .sa_handler = action, .sa_flags = flags };
    sigemptyset(&sa.sa_mask);
    sigaction(signo, &sa, NULL);
}

static void status_line(const char *what, int status)
{
    if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%s: killed by %d core %d\n", what, WTERMSIG(status), WCOREDUMP(status) ? 1 : 0);
    else if (WIFSTOPPED(status)) printf("%s: stopped by %d\n", what, WSTOPSIG(status));
    else if (WIFCONTINUED(status)) printf("%s: continued\n", what);
    else printf("%s: status %#x\n", what, status);
}

/* After execve: what the new program inherited. */
static int after_exec(void)
{
    struct sigaction sa;
    sigset_t mask, pending;
    sigaction(SIGUSR1, NULL, &sa);
    printf("after exec: caught SIGUSR1 is default %d\n", sa.sa_handler == SIG_DFL);
    sigaction(SIGUSR2, NULL, &sa);
    printf("after exec: ignored SIGUSR2 is ignored %d\n", sa.sa_handler == SIG_IGN);
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("after exec: SIGTERM still blocked %d\n", sigismember(&mask, SIGTERM));
    sigpending(&pending);
    printf("after exec: SIGTERM still pending %d\n", sigismember(&pending, SIGTERM));
    fflush(stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1) return after_exec();
    /* Whatever started us: default dispositions and an empty mask. */
    sigset_t none, mask, pending;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < 32; s++) if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_DFL);
    /* No core dumps, so that the core bit reads the same everywhere. */
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);

    printf("-- handlers\n");
    handle(SIGUSR1, on_info, 0);
    raise(SIGUSR1);
    printf("raise: hits %d signo %d code %d from me %d blocked inside %d\n", hits, last_signo, last_code, last_pid_is_me, blocked_inside);
    kill(getpid(), SIGUSR1);
    printf("kill: hits %d code %d from me %d\n", hits, last_code, last_pid_is_me);
    handle(SIGUSR1, on_info, SA_NODEFER);
    raise(SIGUSR1);
    printf("SA_NODEFER: blocked inside %d\n", blocked_inside);
    struct sigaction sa = { .sa_sigaction = on_info, .sa_flags = SA_SIGINFO };
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("sa_mask: SIGUSR2 blocked inside %d, after %d\n", usr2_blocked_inside, sigismember(&mask, SIGUSR2));
    handle(SIGUSR1, on_info, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction old;
    sigaction(SIGUSR1, NULL, &old);
    printf("SA_RESETHAND: handler is default after %d\n", old.sa_handler == SIG_DFL);

    printf("-- fpu state\n");
    handle(SIGUSR1, on_info, 0);
    unsigned mine = (__builtin_ia32_stmxcsr() & ~0x6000u) | 0x2000u; /* round down */
    __builtin_ia32_ldmxcsr(mine);
    raise(SIGUSR1);
    printf("handler starts with round to nearest %d\n", (handler_mxcsr & 0x6000) == 0);
    printf("rounding mode kept after the handler %d\n", (__builtin_ia32_stmxcsr() & 0x6000) == 0x2000);
    /* Each process has its own MXCSR, whoever else runs in between. */
    int turn[2];
    pipe(turn);
    fflush(stdout);
    pid_t other = fork();
    if (other == 0) {
        char c;
        read(turn[0], &c, 1); /* the parent has set its own rounding mode by now */
        _exit((__builtin_ia32_stmxcsr() & 0x6000) == 0x2000 ? 1 : 0);
    }
    __builtin_ia32_ldmxcsr(mine & ~0x6000u);           /* parent: round to nearest */
    __builtin_ia32_ldmxcsr((mine & ~0x6000u) | 0x4000); /* then round up */
    write(turn[1], "g", 1);
    int fstatus;
    waitpid(other, &fstatus, 0);
    printf("child kept its rounding mode %d, parent kept its own %d\n", WEXITSTATUS(fstatus) == 1,
           (__builtin_ia32_stmxcsr() & 0x6000) == 0x4000);
    close(turn[0]);
    close(turn[1]);
    __builtin_ia32_ldmxcsr(mine & ~0x6000u);

    printf("-- masks\n");
    hits = 0;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    raise(SIGUSR1);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: hits %d pending %d\n", hits, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    printf("unblocked: hits %d (standard signals do not queue)\n", hits);
    show("sigprocmask bad how", sigprocmask(99, &mask, NULL));
    show("kill bad signal", kill(getpid(), 65));
    show("kill nobody", kill(999999, SIGUSR1));
    show("kill signal 0", kill(getpid(), 0));
    show("sigaction SIGKILL", sigaction(SIGKILL, &sa, NULL));

    printf("-- faults\n");
    char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    handle(SIGSEGV, on_fault, 0);
    if (sigsetjmp(escape, 1) == 0) page[10] = 1;
    printf("PROT_NONE write: signo %d SEGV_ACCERR %d addr right %d\n", last_signo, last_code == SEGV_ACCERR, last_addr == (uintptr_t)page + 10);
    munmap(page, 4096);
    if (sigsetjmp(escape, 1) == 0) page[20] = 1;
    printf("unmapped write: signo %d SEGV_MAPERR %d addr right %d\n", last_signo, last_code == SEGV_MAPERR, last_addr == (uintptr_t)page + 20);
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("siglongjmp restored the mask: SIGSEGV blocked %d\n", sigismember(&mask, SIGSEGV));
    signal(SIGSEGV, SIG_DFL);

    printf("-- sigaltstack\n");
    stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 }, got;
    alt_base = (uintptr_t)ss.ss_sp;
    alt_size = ss.ss_size;
    show("sigaltstack", sigaltstack(&ss, NULL));
    sigaltstack(NULL, &got);
    printf("outside: flags %d size %zu\n", got.ss_flags, got.ss_size);
    handle_plain(SIGUSR2, on_alt_stack, SA_ONSTACK);
    raise(SIGUSR2);
    printf("handler on the alternate stack %d, flags %d, change there %s\n", on_alt, alt_flags_inside, errname(alt_change_inside));
    stack_t tiny = { .ss_sp = ss.ss_sp, .ss_size = 100 };
    show("sigaltstack too small", sigaltstack(&tiny, NULL));
    stack_t off = { .ss_flags = SS_DISABLE };
    show("sigaltstack disable", sigaltstack(&off, NULL));
    sigaltstack(NULL, &got);
    printf("disabled: flags %d\n", got.ss_flags);
    signal(SIGUSR2, SIG_DFL);

    printf("-- interrupted syscalls\n");
    pipe(pipe_fds);
    handle_plain(SIGALRM, on_alarm, 0);
    struct itimerval tv = { .it_value = { .tv_usec = 100000 } };
    setitimer(ITIMER_REAL, &tv, NULL);
    char c;
    show("read without SA_RESTART", read(pipe_fds[0], &c, 1));
    handle_plain(SIGALRM, on_alarm_write, SA_RESTART);
    setitimer(ITIMER_REAL, &tv, NULL);
    show("read with SA_RESTART", read(pipe_fds[0], &c, 1));
    handle_plain(SIGALRM, on_alarm, 0);
    setitimer(ITIMER_REAL, &tv, NULL);
    struct timespec two = { 2, 0 }, rem = { 0, 0 };
    show("nanosleep", nanosleep(&two, &rem));
    printf("nanosleep left more than 1 s %d\n", rem.tv_sec >= 1);
    hits = 0;
    alarm(1);
    show("pause", pause());
    printf("alarm: hits %d\n", hits);
    show("alarm, none pending", alarm(0));
    alarm(100);
    show("alarm, 100 pending", alarm(0));

    printf("-- setitimer\n");
    hits = 0;
    struct itimerval every = { .it_interval = { .tv_usec = 30000 }, .it_value = { .tv_usec = 30000 } }, now;
    sigemptyset(&mask);
    sigaddset(&mask, SIGALRM);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    setitimer(ITIMER_REAL, &every, NULL);
    while (hits < 3) sigsuspend(&none);
    getitimer(ITIMER_REAL, &now);
    printf("three ticks, interval kept %ld us\n", (long)now.it_interval.tv_usec);
    struct itimerval zero = { 0 };
    setitimer(ITIMER_REAL, &zero, NULL);
    getitimer(ITIMER_REAL, &now);
    printf("disarmed %d\n", now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0);
    struct itimerval bad = { .it_value = { .tv_usec = 2000000 } };
    show("setitimer bad usec", setitimer(ITIMER_REAL, &bad, NULL));
    show("setitimer bad which", setitimer(7, &zero, NULL));
    sigprocmask(SIG_UNBLOCK, &mask, NULL);

    printf("-- sigtimedwait\n");
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    raise(SIGUSR1);
    siginfo_t info;
    show("sigtimedwait pending", sigtimedwait(&mask, &info, NULL));
    printf("  code %d from me %d\n", info.si_code, info.si_pid == getpid());
    struct timespec short_wait = { 0, 50000000 };
    show("sigtimedwait nothing", sigtimedwait(&mask, &info, &short_wait));
    sigprocmask(SIG_UNBLOCK, &mask, NULL);

    printf("-- default actions\n");
    fflush(stdout);
    int status;
    pid_t child = fork();
    if (child == 0) { for (;;) pause(); }
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    status_line("SIGTERM", status);
    child = fork();
    if (child == 0) abort();
    waitpid(child, &status, 0);
    status_line("abort", status);
    child = fork();
    if (child == 0) { volatile int *null = 0; return *null; }
    waitpid(child, &status, 0);
    status_line("null pointer", status);
    child = fork();
    if (child == 0) {
        signal(SIGTERM, SIG_IGN);
        raise(SIGTERM);
        _exit(4);
    }
    waitpid(child, &status, 0);
    status_line("ignored SIGTERM", status);
    child = fork();
    if (child == 0) {
        signal(SIGCHLD, SIG_DFL);
        raise(SIGCHLD); /* ignored by default */
        raise(SIGURG);
        _exit(5);
    }
    waitpid(child, &status, 0);
    status_line("SIGCHLD and SIGURG by default", status);

    printf("-- stop and continue\n");
    fflush(stdout);
    child = fork();
    if (child == 0) { for (;;) pause(); }
    kill(child, SIGSTOP);
    waitpid(child, &status, WUNTRACED);
    status_line("SIGSTOP", status);
    show("nothing more to report", waitpid(child, &status, WNOHANG | WUNTRACED | WCONTINUED));
    kill(child, SIGCONT);
    waitpid(child, &status, WCONTINUED);
    status_line("SIGCONT", status);
    kill(child, SIGSTOP);
    siginfo_t wi;
    waitid(P_PID, child, &wi, WSTOPPED);
    printf("waitid: CLD_STOPPED %d status %d\n", wi.si_code == CLD_STOPPED, wi.si_status);
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    status_line("SIGKILL while stopped", status);

    printf("-- SIGCHLD\n");
    fflush(stdout);
    hits = 0;
    handle(SIGCHLD, on_chld, SA_NOCLDSTOP);
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    child = fork();
    if (child == 0) _exit(7);
    while (hits == 0) sigsuspend(&none);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    printf("SIGCHLD: CLD_EXITED %d status %d from the child %d\n", last_code == CLD_EXITED, last_signo, last_pid_is_me == child);
    waitpid(child, &status, 0);
    signal(SIGCHLD, SIG_DFL);

    signal(SIGCHLD, SIG_IGN);
    child = fork();
    if (child == 0) _exit(1);
    show("SIGCHLD ignored: wait4 after the child exits", waitpid(-1, &status, 0));
    signal(SIGCHLD, SIG_DFL);

    printf("-- SIGPIPE\n");
    fflush(stdout);
    child = fork();
    if (child == 0) {
        int p[2];
        pipe(p);
        close(p[0]);
        write(p[1], "x", 1);
        _exit(0);
    }
    waitpid(child, &status, 0);
    status_line("write to a closed pipe", status);
    signal(SIGPIPE, SIG_IGN);
    int p[2];
    pipe(p);
    close(p[0]);
    show("write with SIGPIPE ignored", write(p[1], "x", 1));
    signal(SIGPIPE, SIG_DFL);

    printf("-- fork and exec\n");
    fflush(stdout);
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    raise(SIGTERM);
    handle(SIGUSR1, on_info, 0);
    signal(SIGUSR2, SIG_IGN);
    child = fork();
    if (child == 0) {
        sigpending(&pending);
        sigprocmask(SIG_BLOCK, NULL, &mask);
        printf("forked child: SIGTERM pending %d blocked %d\n", sigismember(&pending, SIGTERM), sigismember(&mask, SIGTERM));
        fflush(stdout);
        raise(SIGTERM);
        execl(argv[0], argv[0], "after-exec", (char *)NULL);
        _exit(99);
    }
    waitpid(child, &status, 0);
    status_line("exec child", status);
    return 0;
}
