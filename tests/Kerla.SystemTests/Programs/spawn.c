/* Processes: fork, execve, wait4 and the wait status encoding, getpid and
 * getppid, a child killed by SIGSEGV, ECHILD. Run as init ("/init") on Kerla
 * and as ./init on Linux: the lines must be the same. */
#include <errno.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "exec") == 0) {
        printf("exec'd child: its parent is %s\n", getppid() == atoi(argv[2]) ? "the one that forked it" : "wrong");
        return 7;
    }
    /* Unbuffered: output that fork would duplicate, and that depends on
     * whether stdout is a tty, is out of the picture. */
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t me = getpid();
    printf("parent starts\n");
    fflush(stdout);

    pid_t pid = fork();
    if (pid == 0) {
        printf("child: pid differs %d, getppid is the parent %d\n", getpid() != me, getppid() == me);
        fflush(stdout);
        _exit(3);
    }
    int status = 0;
    pid_t waited = waitpid(pid, &status, 0);
    printf("waitpid: same pid %d, exited %d, status %d\n", waited == pid, WIFEXITED(status), WEXITSTATUS(status));

    pid = fork();
    if (pid == 0) {
        char parent[16];
        snprintf(parent, sizeof parent, "%d", (int)getppid());
        execl(argv[0], argv[0], "exec", parent, (char *)NULL);
        printf("execl failed: %d\n", errno);
        _exit(1);
    }
    waited = waitpid(-1, &status, 0);
    printf("exec'd child: same pid %d, exited %d, status %d\n", waited == pid, WIFEXITED(status), WEXITSTATUS(status));

    pid = fork();
    if (pid == 0) {
        volatile int *nothing = 0;
        *nothing = 1;
        _exit(0);
    }
    siginfo_t info;
    printf("waitid WNOWAIT: %d", waitid(P_PID, pid, &info, WEXITED | WNOWAIT));
    /* CLD_DUMPED where core dumps are enabled, CLD_KILLED otherwise. */
    printf(", signo %d, killed or dumped %d, status %d, pid matches %d\n", info.si_signo,
           info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED, info.si_status, info.si_pid == pid);
    waitpid(pid, &status, 0);
    printf("faulting child: signaled %d, signal %d\n", WIFSIGNALED(status), WTERMSIG(status));

    pid = fork();
    if (pid == 0) {
        usleep(100000);
        _exit(42);
    }
    info.si_pid = 1234;
    printf("waitid WNOHANG, nothing yet: %d", waitid(P_ALL, 0, &info, WEXITED | WNOHANG));
    printf(", si_pid %d\n", info.si_pid);
    printf("waitid by group: %d", waitid(P_PGID, 0, &info, WEXITED));
    printf(", code %d (CLD_EXITED %d), status %d, pid matches %d\n", info.si_code, CLD_EXITED, info.si_status, info.si_pid == pid);
    errno = 0;
    printf("waitid without WEXITED: %d", waitid(P_ALL, 0, &info, WNOHANG));
    printf(" errno %d\n", errno);
    errno = 0;
    printf("waitid with no children: %d", waitid(P_ALL, 0, &info, WEXITED));
    printf(" errno %d\n", errno);

    pid = fork();
    if (pid == 0) {
        execl("/no/such/program", "x", (char *)NULL);
        printf("exec of a missing program: errno %d\n", errno);
        fflush(stdout);
        _exit(9);
    }
    waitpid(pid, &status, 0);
    printf("it exited %d\n", WEXITSTATUS(status));

    for (int i = 0; i < 3; i++)
        if (fork() == 0) _exit(10 + i);
    int sum = 0;
    for (int i = 0; i < 3; i++) {
        wait(&status);
        sum += WEXITSTATUS(status);
    }
    printf("three children, statuses add up to %d\n", sum);
    errno = 0;
    int none = wait(&status);
    printf("wait with no children: %d errno %d\n", none, errno);
    /* fork copies memory (copy-on-write): each side's writes stay its own,
     * whether a program or the kernel (read into a shared page) makes them. */
    static int global = 1;
    char *heap = malloc(3 * 4096);
    memset(heap, 'p', 3 * 4096);
    int feed[2];
    pipe(feed);
    fflush(stdout);
    pid_t writer = fork();
    if (writer == 0) {
        global = 2;
        heap[0] = 'c';
        read(feed[0], heap + 4096, 5); /* the kernel writes into the shared page */
        _exit(global * 10 + (heap[0] == 'c') + (memcmp(heap + 4096, "fresh", 5) == 0) * 2 + (heap[8192] == 'p') * 4);
    }
    write(feed[1], "fresh", 5);
    int cstatus;
    waitpid(writer, &cstatus, 0);
    printf("after fork: child saw its own writes %d, parent kept global %d heap %c %c\n",
           WEXITSTATUS(cstatus), global, heap[0], heap[4096]);
    heap[2 * 4096] = 'q'; /* nobody shares it any more */
    printf("parent writes after the child is gone: %c\n", heap[2 * 4096]);

    /* MAP_SHARED anonymous memory is one copy for both; MAP_PRIVATE is not. */
    int *shared = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *private = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    shared[0] = 1;
    private[0] = 1;
    fflush(stdout);
    pid_t sharer = fork();
    if (sharer == 0) {
        shared[0] = 42;
        shared[1024] = 43; /* the second page, untouched before the fork */
        private[0] = 42;
        madvise(shared, 4096, MADV_DONTNEED);
        _exit(shared[0] == 42 ? 0 : 1);
    }
    waitpid(sharer, &cstatus, 0);
    printf("shared memory after the child wrote: %d %d (child saw its data after MADV_DONTNEED: %d), private: %d\n",
           shared[0], shared[1024], WEXITSTATUS(cstatus) == 0, private[0]);
    return 0;
}
