/* eventfd(2), memfd_create(2), copy_file_range(2), sendfile(2) to a pipe, and
 * epoll(7) on pipes, eventfds and other epoll descriptors, each result printed
 * as "call = value" or "call = -1 errno N", so that the same binary prints the
 * same lines on Linux and on Kerla. Runs as root in a writable working
 * directory; the console (stdin) is left alone, since it differs between the two. */
#define _GNU_SOURCE /* memfd_create, copy_file_range */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

static const char *names(unsigned events)
{
    static char text[64];
    text[0] = 0;
    if (events & EPOLLIN) strcat(text, " IN");
    if (events & EPOLLOUT) strcat(text, " OUT");
    if (events & EPOLLERR) strcat(text, " ERR");
    if (events & EPOLLHUP) strcat(text, " HUP");
    if (events & ~(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP)) sprintf(text + strlen(text), " other %#x", events);
    return text[0] ? text + 1 : "none";
}

static int by_data(const void *a, const void *b)
{
    uint64_t x = ((const struct epoll_event *)a)->data.u64, y = ((const struct epoll_event *)b)->data.u64;
    return x < y ? -1 : x > y;
}

/* Prints the count, then each event, sorted by data: the ready list's order is the kernel's own. */
static void wait_show(const char *call, int ep, int timeout)
{
    struct epoll_event ev[8];
    int n = epoll_wait(ep, ev, 8, timeout);
    show(call, n);
    if (n > 0) qsort(ev, n, sizeof ev[0], by_data);
    for (int i = 0; i < n; i++) printf("  data %#llx events %s\n", (unsigned long long)ev[i].data.u64, names(ev[i].events));
}

static int add(int ep, int fd, unsigned events, uint64_t data)
{
    struct epoll_event ev = {.events = events, .data.u64 = data};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static volatile sig_atomic_t signals;
static void on_usr1(int signo) { (void)signo; signals++; }

/* Forks a child that sleeps ms milliseconds, then signals its parent (if signo) and writes a byte to fd (if >= 0). */
static pid_t later(int ms, int signo, int fd)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        usleep(ms * 1000);
        if (signo) {
            kill(getppid(), signo);
            usleep(ms * 1000);
        }
        if (fd >= 0) write(fd, "!", 1);
        _exit(0);
    }
    return child;
}

static void eventfds(void)
{
    uint64_t v = 0;
    int fd = eventfd(5, EFD_CLOEXEC);
    show("eventfd 5 cloexec", fd >= 3 ? 3 : fd);
    show("  fcntl getfd", fcntl(fd, F_GETFD));
    show("  fcntl getfl nonblock", !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
    show("read 4 bytes", read(fd, &v, 4));
    char big[16];
    show("read 16 bytes", read(fd, big, 16));
    memcpy(&v, big, 8);
    printf("  counter was %llu\n", (unsigned long long)v);
    v = 3;
    show("write 3", write(fd, &v, 8));
    v = 4;
    show("write 4", write(fd, &v, 8));
    show("write 4 bytes", write(fd, &v, 4));
    v = UINT64_MAX;
    show("write 0xffffffffffffffff", write(fd, &v, 8));
    show("read", read(fd, &v, 8));
    printf("  counter was %llu\n", (unsigned long long)v);
    close(fd);

    fd = eventfd(0, EFD_NONBLOCK);
    show("eventfd 0 nonblock", fd >= 3 ? 3 : fd);
    show("  fcntl getfd", fcntl(fd, F_GETFD));
    show("  fcntl getfl nonblock", !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
    struct pollfd pfd = {.fd = fd, .events = POLLIN | POLLOUT};
    show("poll at 0", poll(&pfd, 1, 0));
    printf("  revents %#x\n", pfd.revents);
    show("read at 0", read(fd, &v, 8));
    v = UINT64_MAX - 1;
    show("write 0xfffffffffffffffe", write(fd, &v, 8));
    show("poll at the maximum", poll(&pfd, 1, 0));
    printf("  revents %#x\n", pfd.revents);
    v = 1;
    show("write 1 more", write(fd, &v, 8));
    show("read", read(fd, &v, 8));
    printf("  counter was %#llx\n", (unsigned long long)v);
    v = 1;
    write(fd, &v, 8);
    show("poll at 1", poll(&pfd, 1, 0));
    printf("  revents %#x\n", pfd.revents);
    close(fd);

    fd = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
    show("eventfd 3 semaphore", fd >= 3 ? 3 : fd);
    for (int i = 0; i < 4; i++) {
        v = 0;
        show("  read", read(fd, &v, 8));
        printf("  got %llu\n", (unsigned long long)v);
    }
    close(fd);
    show("eventfd bad flags", eventfd(0, 2));

    /* A blocking read sleeps until another process adds to the counter. */
    fd = eventfd(0, 0);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        read(fd, &v, 8);
        _exit(v);
    }
    usleep(100000);
    v = 42;
    write(fd, &v, 8);
    int status;
    waitpid(child, &status, 0);
    printf("child's blocking read got %d\n", WEXITSTATUS(status));
    close(fd);
}

static void memfds(void)
{
    char buf[300];
    int fd = memfd_create("events-test", MFD_CLOEXEC);
    show("memfd_create cloexec", fd >= 3 ? 3 : fd);
    show("  fcntl getfd", fcntl(fd, F_GETFD));
    char path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    long n = readlink(path, buf, sizeof buf);
    show("readlink /proc/self/fd/N", n);
    printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
    show("write hello world", write(fd, "hello world", 11));
    show("lseek 6", lseek(fd, 6, SEEK_SET));
    n = read(fd, buf, sizeof buf);
    show("read", n);
    printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
    show("ftruncate 4096", ftruncate(fd, 4096));
    struct stat st;
    show("fstat", fstat(fd, &st));
    printf("  size %lld, regular %d, links %ld\n", (long long)st.st_size, S_ISREG(st.st_mode), (long)st.st_nlink);
    char *map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    show("mmap shared", map == MAP_FAILED ? -1 : 0);
    if (map != MAP_FAILED) {
        memcpy(map, "HELLO", 5);
        n = pread(fd, buf, 11, 0);
        show("pread after a store to the mapping", n);
        printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
        pwrite(fd, "WORLD", 5, 6);
        printf("  mapping after pwrite: \"%.11s\"\n", map);
        munmap(map, 4096);
    }
    close(fd);
    /* A file unlinked while open: its link says where it was. */
    fd = open("deleted-test", O_CREAT | O_RDWR, 0600);
    unlink("deleted-test");
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    n = readlink(path, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    const char *tail = "/deleted-test (deleted)";
    printf("readlink of an unlinked file ends with \"%s\": %d\n", tail,
           n >= (long)strlen(tail) && strcmp(buf + n - strlen(tail), tail) == 0);
    close(fd);
    show("memfd_create bad flags", memfd_create("x", 0x100));
    memset(buf, 'n', 250);
    buf[250] = 0;
    show("memfd_create 250-byte name", memfd_create(buf, 0));
    buf[249] = 0;
    fd = memfd_create(buf, 0);
    show("memfd_create 249-byte name", fd >= 3 ? 3 : fd);
    close(fd);
}

static void copies(void)
{
    char buf[64];
    int src = open("cfr-src", O_RDWR | O_CREAT | O_TRUNC, 0644);
    int dst = open("cfr-dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(src, "0123456789abcdef", 16);
    loff_t in = 4, out = 0;
    show("copy_file_range 6 at 4 to 0", copy_file_range(src, &in, dst, &out, 6, 0));
    printf("  offsets now %lld and %lld, positions %ld and %ld\n", (long long)in, (long long)out, (long)lseek(src, 0, SEEK_CUR), (long)lseek(dst, 0, SEEK_CUR));
    lseek(src, 10, SEEK_SET);
    lseek(dst, 6, SEEK_SET);
    show("copy_file_range 100 at the positions", copy_file_range(src, NULL, dst, NULL, 100, 0));
    printf("  positions now %ld and %ld\n", (long)lseek(src, 0, SEEK_CUR), (long)lseek(dst, 0, SEEK_CUR));
    long n = pread(dst, buf, sizeof buf, 0);
    printf("  destination holds \"%.*s\"\n", (int)n, buf);
    in = 100;
    show("copy_file_range past the end", copy_file_range(src, &in, dst, NULL, 10, 0));
    in = 0, out = 4;
    show("copy_file_range overlapping in one file", copy_file_range(src, &in, src, &out, 8, 0));
    in = 0, out = 8;
    show("copy_file_range within one file", copy_file_range(src, &in, src, &out, 8, 0));
    n = pread(src, buf, sizeof buf, 0);
    printf("  source holds \"%.*s\"\n", (int)n, buf);
    show("copy_file_range flags 1", copy_file_range(src, NULL, dst, NULL, 1, 1));
    int p[2];
    pipe(p);
    show("copy_file_range to a pipe", copy_file_range(src, NULL, p[1], NULL, 1, 0));
    write(p[1], "xy", 2);
    show("copy_file_range from a pipe", copy_file_range(p[0], NULL, dst, NULL, 1, 0));
    int app = open("cfr-dst", O_WRONLY | O_APPEND);
    show("copy_file_range to an O_APPEND file", copy_file_range(src, NULL, app, NULL, 1, 0));
    close(app);
    read(p[0], buf, sizeof buf);

    /* sendfile: an offset pointer is updated and the file position is not; without one, the position moves. */
    off_t off = 2;
    lseek(src, 1, SEEK_SET);
    show("sendfile 5 at 2 to a pipe", sendfile(p[1], src, &off, 5));
    printf("  offset now %lld, position %ld\n", (long long)off, (long)lseek(src, 0, SEEK_CUR));
    show("sendfile 3 at the position to a pipe", sendfile(p[1], src, NULL, 3));
    printf("  position now %ld\n", (long)lseek(src, 0, SEEK_CUR));
    n = read(p[0], buf, sizeof buf);
    printf("  pipe holds \"%.*s\"\n", (int)n, buf);
    off = 12;
    lseek(dst, 0, SEEK_SET);
    show("sendfile 100 at 12 to a file", sendfile(dst, src, &off, 100));
    printf("  offset now %lld, destination position %ld\n", (long long)off, (long)lseek(dst, 0, SEEK_CUR));
    show("sendfile from a pipe", sendfile(dst, p[0], NULL, 1));
    close(p[0]), close(p[1]), close(src), close(dst);
    unlink("cfr-src");
    unlink("cfr-dst");
}

static void epolls(void)
{
    struct epoll_event ev = {.events = EPOLLIN};
    int ep = epoll_create1(0);
    show("epoll_create1 0", ep >= 3 ? 3 : ep);
    show("  fcntl getfd", fcntl(ep, F_GETFD));
    int ep2 = epoll_create1(EPOLL_CLOEXEC);
    show("epoll_create1 cloexec", ep2 >= 3 ? 3 : ep2);
    show("  fcntl getfd", fcntl(ep2, F_GETFD));
    close(ep2);
    show("epoll_create1 bad flags", epoll_create1(1));
    /* musl's epoll_create ignores its size, so ask the kernel directly. */
    show("epoll_create 0", syscall(SYS_epoll_create, 0));
    ep2 = epoll_create(1);
    show("epoll_create 1", ep2 >= 3 ? 3 : ep2);
    close(ep2);

    int p[2], file = open("epoll-file", O_RDWR | O_CREAT | O_TRUNC, 0644);
    pipe(p);
    show("ctl add a pipe", add(ep, p[0], EPOLLIN, 0x1122334455667788ull));
    show("ctl add it again", add(ep, p[0], EPOLLIN, 1));
    show("ctl mod an unregistered fd", epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev));
    show("ctl del an unregistered fd", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));
    show("ctl add a regular file", add(ep, file, EPOLLIN, 1));
    show("ctl add the epoll fd itself", add(ep, ep, EPOLLIN, 1));
    show("ctl add a bad fd", add(ep, 999, EPOLLIN, 1));
    show("ctl on a non-epoll fd", add(p[1], p[0], EPOLLIN, 1));
    show("ctl bad op", epoll_ctl(ep, 99, p[0], &ev));
    close(file);
    unlink("epoll-file");
    show("wait maxevents 0", epoll_wait(ep, &ev, 0, 0));
    wait_show("wait with nothing ready", ep, 0);

    /* Level-triggered: reported as long as data remains. */
    write(p[1], "ab", 2);
    wait_show("wait after a write", ep, 0);
    char c;
    read(p[0], &c, 1);
    wait_show("wait with data left", ep, 0);
    read(p[0], &c, 1);
    wait_show("wait once drained", ep, 0);

    /* Edge-triggered: reported once per write, even while unread data remains. */
    ev.events = EPOLLIN | EPOLLET;
    ev.data.u64 = 2;
    show("ctl mod to edge-triggered", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    write(p[1], "a", 1);
    wait_show("wait after a write", ep, 0);
    wait_show("wait again", ep, 0);
    write(p[1], "b", 1);
    wait_show("wait after another write", ep, 0);
    read(p[0], &c, 1), read(p[0], &c, 1);
    show("ctl del", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
    show("ctl del again", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
    show("ctl add the write end edge-triggered", add(ep, p[1], EPOLLOUT | EPOLLET, 3));
    wait_show("wait", ep, 0);
    wait_show("wait again", ep, 0);
    epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);

    /* One-shot: disabled once reported, until EPOLL_CTL_MOD re-arms it. */
    show("ctl add one-shot", add(ep, p[0], EPOLLIN | EPOLLONESHOT, 4));
    write(p[1], "a", 1);
    wait_show("wait", ep, 0);
    wait_show("wait again", ep, 0);
    write(p[1], "b", 1);
    wait_show("wait after another write", ep, 0);
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.u64 = 5;
    show("ctl mod re-arms", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    wait_show("wait", ep, 0);
    read(p[0], &c, 1), read(p[0], &c, 1);
    epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);

    /* A registration belongs to the open file: it goes when the file's last descriptor closes. */
    int q[2];
    pipe(q);
    add(ep, q[0], EPOLLIN, 6);
    write(q[1], "a", 1);
    int copy = dup(q[0]);
    close(q[0]);
    wait_show("wait with a dup still open", ep, 0);
    close(copy);
    wait_show("wait after closing the dup", ep, 0);
    show("ctl del the closed fd", epoll_ctl(ep, EPOLL_CTL_DEL, q[0], NULL));
    close(q[1]);

    /* Hang-up and error are reported even when not asked for. */
    pipe(q);
    add(ep, q[0], 0, 7);
    add(ep, q[1], EPOLLOUT, 8);
    wait_show("wait with no events asked", ep, 0);
    close(q[1]);
    wait_show("wait after closing the write end", ep, 0);
    close(q[0]);
    pipe(q);
    add(ep, q[1], EPOLLOUT, 9);
    close(q[0]);
    wait_show("wait after closing the read end", ep, 0);
    close(q[1]);

    /* An eventfd is readable while its counter is above zero. */
    int efd = eventfd(0, EFD_NONBLOCK);
    show("ctl add an eventfd", add(ep, efd, EPOLLIN | EPOLLOUT, 10));
    wait_show("wait", ep, 0);
    uint64_t v = 1;
    write(efd, &v, 8);
    wait_show("wait after a write", ep, 0);
    close(efd);

    /* Blocking: the wait sleeps until a child writes. */
    add(ep, p[0], EPOLLIN, 11);
    pid_t child = later(100, 0, p[1]);
    wait_show("wait until the child writes", ep, -1);
    waitpid(child, NULL, 0);
    read(p[0], &c, 1);

    /* epoll_pwait's mask holds SIGUSR1 pending through the wait; it is handled once the call returns. */
    struct sigaction sa = {.sa_handler = on_usr1, .sa_flags = SA_RESTART};
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    child = later(50, SIGUSR1, p[1]);
    struct epoll_event got[4];
    show("epoll_pwait blocking SIGUSR1", epoll_pwait(ep, got, 4, -1, &mask));
    printf("  data %#llx events %s, handler ran %d times\n", (unsigned long long)got[0].data.u64, names(got[0].events), signals);
    waitpid(child, NULL, 0);
    read(p[0], &c, 1);

    /* A handled signal interrupts the wait, and SA_RESTART does not restart it. */
    signals = 0;
    child = later(100, SIGUSR1, -1);
    show("epoll_wait interrupted by a signal", epoll_wait(ep, got, 4, -1));
    printf("  handler ran %d times\n", signals);
    waitpid(child, NULL, 0);
    epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);

    /* Nested: an epoll fd is readable while its own set has events. */
    int inner = epoll_create1(0);
    add(inner, p[0], EPOLLIN, 12);
    show("ctl add an epoll fd", add(ep, inner, EPOLLIN, 13));
    wait_show("wait outer", ep, 0);
    write(p[1], "a", 1);
    wait_show("wait outer after a write", ep, 0);
    wait_show("wait inner", inner, 0);
    show("ctl add the outer into the inner (a loop)", add(inner, ep, EPOLLIN, 14));
    close(inner), close(ep), close(p[0]), close(p[1]);
}

int main(void)
{
    alarm(10); /* a safety net: nothing here should block for long */
    /* As init on Kerla there is no /proc yet; on Linux this does nothing. */
    int mounted = 0;
    if (access("/proc/self/fd", F_OK) != 0) {
        mkdir("/proc", 0555);
        mounted = mount("proc", "/proc", "proc", 0, NULL) == 0;
    }
    eventfds();
    memfds();
    copies();
    epolls();
    if (mounted) umount("/proc");
    return 0;
}
