/* epoll, poll and read on the console (init's stdin, the serial line), run as
 * init by Linux and by Kerla while the test types a line: readiness comes with
 * the line, edge-triggered epoll reports it once, poll(2) as long as it is
 * unread, and read(2) gives the line. Then the machine powers off. */
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/reboot.h>
#include <unistd.h>

static void show(const char *call, long result) { printf("%s = %ld\n", call, result); }

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 7};
    printf("=== begin\n");
    show("epoll_ctl add the console", epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev));
    show("epoll_wait before any input", epoll_wait(ep, &ev, 1, 0));
    struct pollfd p = {.fd = 0, .events = POLLIN};
    show("poll before any input", poll(&p, 1, 0));
    printf("type a line\n");
    int n = epoll_wait(ep, &ev, 1, -1);
    show("epoll_wait for the line", n);
    printf("  data %llu, in %d\n", (unsigned long long)ev.data.u64, (ev.events & EPOLLIN) != 0);
    show("epoll_wait again (edge-triggered)", epoll_wait(ep, &ev, 1, 100));
    show("poll with the line unread", poll(&p, 1, 0));
    char line[64];
    long got = read(0, line, sizeof line);
    show("read", got);
    printf("  \"%.*s\"\n", (int)(got > 0 ? got - 1 : 0), line);
    show("poll once read", poll(&p, 1, 0));
    printf("=== end\n");
    sync();
    reboot(RB_POWER_OFF);
    return 0;
}
