/* Process groups and sessions: setpgid, getpgid, getpgrp, setsid, getsid and
 * wait4 by group. Values are printed relative to the PIDs involved, so that
 * the same binary prints the same lines on Linux and on Kerla. */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

int main(int argc, char **argv)
{
    if (argc > 1) { /* child b, after its exec */
        usleep(200000);
        return 5;
    }
    /* Start from a session of our own, whatever called us. */
    pid_t leader = fork();
    if (leader != 0) {
        int status;
        waitpid(leader, &status, 0);
        printf("leader exited %d\n", WEXITSTATUS(status));
        return 0;
    }
    pid_t me = getpid();
    show("setsid is my pid", setsid() == me);
    show("getsid(0) is my pid", getsid(0) == me);
    show("getpgrp is my pid", getpgrp() == me);
    show("setsid again", setsid());
    show("setpgid of a session leader", setpgid(0, 0));
    show("getpgid of nobody", getpgid(999999));
    show("getsid of nobody", getsid(999999));
    show("setpgid negative", setpgid(0, -1));

    int go[2];
    pipe(go);
    pid_t a = fork();
    if (a == 0) {
        char c;
        read(go[0], &c, 1); /* wait until the parent has moved us */
        /* Its verdict in its exit status: 3 when its group is its own PID and its session the leader's. */
        _exit(getpgrp() == getpid() && getsid(0) == getppid() ? 3 : 4);
    }
    int execed[2];
    pipe2(execed, O_CLOEXEC);
    pid_t b = fork();
    if (b == 0) {
        execl(argv[0], argv[0], "exec'd", NULL);
        _exit(1);
    }
    close(execed[1]);
    char c;
    read(execed[0], &c, 1); /* end of file: b has exec'd (the write end was close-on-exec) */
    show("setpgid of a child that has exec'd", setpgid(b, 0));
    show("child a inherits my group", getpgid(a) == me);
    show("setpgid(a, 0) makes its own group", setpgid(a, 0));
    show("getpgid(a) is a", getpgid(a) == a);
    show("setpgid(a, missing group)", setpgid(a, 424242));
    show("setpgid(a, back to mine)", setpgid(a, me));
    show("setpgid(a, a) again", setpgid(a, a));
    show("setpgid of a stranger", setpgid(1, 0));
    show("wait4 my group finds no exited child", waitpid(0, NULL, WNOHANG));
    write(go[1], "g", 1);
    int status;
    show("wait4 group a finds a", waitpid(-a, &status, 0) == a);
    printf("  status %d\n", WEXITSTATUS(status));
    show("wait4 group a again", waitpid(-a, &status, WNOHANG));
    show("wait4 my group finds b", waitpid(0, &status, 0) == b);

    /* Supplementary groups. */
    gid_t three[3] = { 5, 6, 7 }, list[8] = { 0 };
    show("setgroups three", setgroups(3, three));
    show("getgroups count", getgroups(0, NULL));
    show("getgroups too small", getgroups(1, list));
    show("getgroups", getgroups(8, list));
    printf("  groups %d %d %d\n", (int)list[0], (int)list[1], (int)list[2]);
    show("setgroups too many", setgroups(70000, three));
    fflush(stdout);
    pid_t u = fork();
    if (u == 0) {
        setuid(1000);
        _exit(setgroups(0, NULL) == -1 && errno == EPERM ? 9 : 8);
    }
    waitpid(u, &status, 0);
    printf("  setgroups as uid 1000 refused: %d\n", WEXITSTATUS(status) == 9);
    show("setgroups none", setgroups(0, NULL));
    show("getgroups after", getgroups(0, NULL));
    return 7;
}
