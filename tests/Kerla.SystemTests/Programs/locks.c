/* Advisory locks (fcntl F_SETLK/F_SETLKW/F_GETLK, OFD locks, flock) and FIFOs
 * (mkfifo, mknod, open rendezvous, EOF, EPIPE, poll), each result printed as
 * "call = value" or "call = -1 errno N", so that the same binary prints the
 * same lines on Linux and on Kerla. Successful opens print 0. stdout is line
 * buffered and a child prints only while the parent waits for it, or after
 * the parent has printed and done the one thing the child waits for, so the
 * order of the lines never depends on scheduling. */
#define _GNU_SOURCE /* F_OFD_* */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

static int opened(const char *call, int fd)
{
    show(call, fd < 0 ? -1 : 0);
    return fd;
}

static int lock(int fd, int cmd, int type, int whence, off_t start, off_t len)
{
    struct flock fl = {.l_type = type, .l_whence = whence, .l_start = start, .l_len = len};
    return fcntl(fd, cmd, &fl);
}

/* Asks F_GETLK (or F_OFD_GETLK) what would block a lock on [start, start+len). */
static void getlk(const char *what, int fd, int cmd, int type, off_t start, off_t len, pid_t holder)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    if (fcntl(fd, cmd, &fl) < 0) show(what, -1);
    else if (fl.l_type == F_UNLCK) printf("%s: F_UNLCK\n", what);
    else printf("%s: %s whence %d start %ld len %ld, l_pid is the holder: %d\n", what,
                fl.l_type == F_RDLCK ? "F_RDLCK" : fl.l_type == F_WRLCK ? "F_WRLCK" : "?",
                fl.l_whence, (long)fl.l_start, (long)fl.l_len, fl.l_pid == holder);
}

static pid_t spawn(void)
{
    fflush(stdout);
    return fork();
}

/* A process's own locks never conflict with each other, so conflicts are
 * looked for from a child; locks are not inherited, so the child is another owner. */
static void child_getlk(const char *what, int fd, int type, off_t start, off_t len)
{
    if (spawn() == 0) {
        getlk(what, fd, F_GETLK, type, start, len, getppid());
        _exit(0);
    }
    wait(NULL);
}

/* The child's lock, if it gets one, goes away when it exits. */
static void child_setlk(const char *what, int fd, int type, off_t start, off_t len)
{
    if (spawn() == 0) {
        show(what, lock(fd, F_SETLK, type, SEEK_SET, start, len));
        _exit(0);
    }
    wait(NULL);
}

static void unlock_all(int fd) { lock(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0); }

static void poll_in(const char *what, int fd, short events)
{
    struct pollfd p = {fd, events, 0};
    show(what, poll(&p, 1, 0));
    printf("  revents:%s%s%s%s\n", p.revents & POLLIN ? " POLLIN" : "", p.revents & POLLOUT ? " POLLOUT" : "",
           p.revents & POLLHUP ? " POLLHUP" : "", p.revents & POLLERR ? " POLLERR" : "");
}

static void show_stat(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) { show(path, -1); return; }
    printf("  %s: fifo %d, regular %d, chr %d, mode %o, st_size %ld, st_nlink %ld\n", path, S_ISFIFO(st.st_mode),
           S_ISREG(st.st_mode), S_ISCHR(st.st_mode), st.st_mode & 07777, (long)st.st_size, (long)st.st_nlink);
}

static int sigalrm_seen;
static void on_alarm(int sig) { sigalrm_seen = sig; }

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    alarm(10); /* safety net only: nothing below waits that long */
    signal(SIGPIPE, SIG_IGN);
    umask(022);
    char buf[100];
    int ready[2], go[2];
    pipe(ready);
    pipe(go);
    pid_t pid;

    printf("-- fcntl record locks\n");
    int fd = opened("open lockfile", open("lockfile", O_RDWR | O_CREAT | O_TRUNC, 0644));
    memset(buf, 'x', sizeof buf);
    show("write 100 bytes", write(fd, buf, sizeof buf));
    child_getlk("child F_GETLK on a free file", fd, F_WRLCK, 0, 0);
    show("F_SETLK F_RDLCK 0+10", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
    getlk("own F_GETLK F_WRLCK 0+10", fd, F_GETLK, F_WRLCK, 0, 10, 0);
    child_setlk("child F_SETLK F_RDLCK 0+10", fd, F_RDLCK, 0, 10);
    child_setlk("child F_SETLK F_WRLCK 5+10", fd, F_WRLCK, 5, 10);
    child_getlk("child F_GETLK F_WRLCK 5+10", fd, F_WRLCK, 5, 10);
    child_setlk("child F_SETLK F_WRLCK 10+10", fd, F_WRLCK, 10, 10);
    show("F_SETLK F_WRLCK 0+10 (upgrade)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    child_getlk("child F_GETLK F_RDLCK 0+10", fd, F_RDLCK, 0, 10);
    show("F_SETLK F_RDLCK 0+10 (downgrade)", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
    child_getlk("child F_GETLK F_RDLCK 0+10", fd, F_RDLCK, 0, 10);
    show("F_SETLK F_UNLCK 0+0", lock(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    child_getlk("child F_GETLK after unlocking", fd, F_WRLCK, 0, 0);

    /* l_len 0 reaches past the end of the file; a negative one covers the bytes before l_start. */
    show("F_SETLK F_WRLCK 50+0", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 50, 0));
    child_getlk("child F_GETLK F_WRLCK 1000+1", fd, F_WRLCK, 1000, 1);
    unlock_all(fd);
    show("F_SETLK F_WRLCK 30-10", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 30, -10));
    child_getlk("child F_GETLK F_WRLCK 0+0", fd, F_WRLCK, 0, 0);
    show("F_SETLK F_WRLCK 5-10 (before byte 0)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 5, -10));
    show("F_SETLK F_WRLCK -1+1 (before byte 0)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, -1, 1));
    unlock_all(fd);
    /* SEEK_CUR and SEEK_END are resolved at locking time; F_GETLK answers with SEEK_SET. */
    lseek(fd, 40, SEEK_SET);
    show("F_SETLK F_WRLCK SEEK_CUR 5+5 at offset 40", lock(fd, F_SETLK, F_WRLCK, SEEK_CUR, 5, 5));
    child_getlk("child F_GETLK F_WRLCK 0+0", fd, F_WRLCK, 0, 0);
    unlock_all(fd);
    show("F_SETLK F_WRLCK SEEK_END -10+10", lock(fd, F_SETLK, F_WRLCK, SEEK_END, -10, 10));
    child_getlk("child F_GETLK F_WRLCK 0+0", fd, F_WRLCK, 0, 0);
    unlock_all(fd);

    /* Unlocking the middle splits a lock; adjacent locks of one type merge. */
    show("F_SETLK F_WRLCK 0+30", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 30));
    show("F_SETLK F_UNLCK 10+10", lock(fd, F_SETLK, F_UNLCK, SEEK_SET, 10, 10));
    child_getlk("child F_GETLK F_RDLCK 0+15", fd, F_RDLCK, 0, 15);
    child_getlk("child F_GETLK F_RDLCK 15+15", fd, F_RDLCK, 15, 15);
    child_getlk("child F_GETLK F_RDLCK 10+10", fd, F_RDLCK, 10, 10);
    unlock_all(fd);
    lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    show("F_SETLK F_WRLCK 0+10 then 10+10", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 10, 10));
    child_getlk("child F_GETLK F_RDLCK 5+10", fd, F_RDLCK, 5, 10);
    show("F_SETLK F_RDLCK 20+10", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 20, 10));
    child_getlk("child F_GETLK F_WRLCK 25+10", fd, F_WRLCK, 25, 10);
    show("F_SETLK F_WRLCK 20+10", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 20, 10));
    child_getlk("child F_GETLK F_RDLCK 0+0", fd, F_RDLCK, 0, 0);

    /* The lock type must match the access mode; bad arguments are EINVAL. */
    int rfd = opened("open lockfile O_RDONLY", open("lockfile", O_RDONLY));
    int wfd = opened("open lockfile O_WRONLY", open("lockfile", O_WRONLY));
    show("F_SETLK F_WRLCK on O_RDONLY", lock(rfd, F_SETLK, F_WRLCK, SEEK_SET, 40, 1));
    show("F_SETLK F_RDLCK on O_WRONLY", lock(wfd, F_SETLK, F_RDLCK, SEEK_SET, 40, 1));
    show("F_SETLK F_RDLCK on O_RDONLY", lock(rfd, F_SETLK, F_RDLCK, SEEK_SET, 40, 1));
    show("F_SETLK l_type 42", lock(fd, F_SETLK, 42, SEEK_SET, 0, 1));
    show("F_SETLK l_whence 7", lock(fd, F_SETLK, F_WRLCK, 7, 0, 1));
    show("F_GETLK l_type F_UNLCK", lock(fd, F_GETLK, F_UNLCK, SEEK_SET, 0, 1));
    show("F_SETLK on a pipe", lock(go[0], F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
    /* The POSIX pitfall: closing any descriptor of the file drops all the process's locks on it. */
    child_getlk("child F_GETLK F_RDLCK 0+0", fd, F_RDLCK, 0, 0);
    show("close another descriptor of lockfile", close(rfd));
    child_setlk("child F_SETLK F_WRLCK 0+0", fd, F_WRLCK, 0, 0);
    close(wfd);

    /* A child's locks show its pid and go away when it exits. */
    if ((pid = spawn()) == 0) {
        lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
        write(ready[1], "r", 1);
        read(go[0], buf, 1);
        _exit(0);
    }
    read(ready[0], buf, 1);
    getlk("F_GETLK while a child holds 0+10", fd, F_GETLK, F_RDLCK, 0, 0, pid);
    show("F_SETLK F_RDLCK 5+1", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 5, 1));
    write(go[1], "g", 1);
    waitpid(pid, NULL, 0);
    getlk("F_GETLK after the child exited", fd, F_GETLK, F_RDLCK, 0, 0, pid);

    /* F_SETLKW waits for the holder to unlock. */
    show("F_SETLK F_WRLCK 0+10", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    if ((pid = spawn()) == 0) {
        write(ready[1], "r", 1);
        show("child F_SETLKW F_WRLCK 0+10", lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 10));
        struct pollfd p = {go[0], POLLIN, 0};
        printf("  the parent had unlocked first: %d\n", poll(&p, 1, 0) == 1);
        _exit(0);
    }
    read(ready[0], buf, 1);
    usleep(200000);
    write(go[1], "g", 1);
    unlock_all(fd);
    waitpid(pid, NULL, 0);
    read(go[0], buf, 1);

    /* A signal whose handler has no SA_RESTART interrupts F_SETLKW. */
    lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    if ((pid = spawn()) == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;
        sigaction(SIGALRM, &sa, NULL);
        struct itimerval it = {{0, 0}, {0, 100000}};
        setitimer(ITIMER_REAL, &it, NULL);
        show("child F_SETLKW with a 100 ms timer", lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 10));
        printf("  the handler ran: %d\n", sigalrm_seen == SIGALRM);
        _exit(0);
    }
    waitpid(pid, NULL, 0);

    /* Deadlock: the parent holds 0+10, the child holds 10+10 and waits for 0+10. */
    if ((pid = spawn()) == 0) {
        lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 10, 10);
        write(ready[1], "r", 1);
        show("child F_SETLKW on the parent's range", lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 10));
        _exit(0);
    }
    read(ready[0], buf, 1);
    usleep(200000); /* lets the child block */
    show("F_SETLKW on the child's range", lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 10, 10));
    unlock_all(fd);
    waitpid(pid, NULL, 0);

    /* flock locks are another kind: they ignore fcntl locks but conflict between open files. */
    lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 0);
    if (spawn() == 0) {
        show("child flock LOCK_EX|LOCK_NB under a write lock", flock(open("lockfile", O_RDWR), LOCK_EX | LOCK_NB));
        _exit(0);
    }
    wait(NULL);
    unlock_all(fd);
    int a = open("lockfile", O_RDWR), b = open("lockfile", O_RDWR);
    show("flock LOCK_EX|LOCK_NB on one open file", flock(a, LOCK_EX | LOCK_NB));
    show("flock LOCK_EX|LOCK_NB on another", flock(b, LOCK_EX | LOCK_NB));
    close(a);
    close(b);

    /* OFD locks belong to the open file, so they conflict inside one process. */
    a = open("lockfile", O_RDWR);
    b = open("lockfile", O_RDWR);
    show("F_OFD_SETLK F_WRLCK 0+10 on one open file", lock(a, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    show("F_OFD_SETLK F_WRLCK 0+10 on another", lock(b, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    getlk("F_OFD_GETLK on another (holder -1)", b, F_OFD_GETLK, F_WRLCK, 0, 10, -1);
    show("F_SETLK F_WRLCK 0+10 beside it", lock(b, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    close(b);
    getlk("F_OFD_GETLK after closing the other", fd, F_OFD_GETLK, F_WRLCK, 0, 10, -1);
    close(a);
    getlk("F_OFD_GETLK after closing its file", fd, F_OFD_GETLK, F_WRLCK, 0, 10, -1);
    close(fd);
    show("unlink lockfile", unlink("lockfile"));

    printf("-- FIFOs\n");
    show("mkfifo fifo 0666", mkfifo("fifo", 0666));
    show_stat("fifo");
    show("mkfifo fifo again", mkfifo("fifo", 0666));
    show("mknod fifo2 S_IFIFO|0666", mknod("fifo2", S_IFIFO | 0666, 0));
    show_stat("fifo2");
    show("mknodat AT_FDCWD fifo3 S_IFIFO|0600", mknodat(AT_FDCWD, "fifo3", S_IFIFO | 0600, 0));
    show_stat("fifo3");
    unlink("fifo2");
    unlink("fifo3");

    /* Nonblocking opens: a reader needs no writer, a writer needs a reader. */
    opened("open O_WRONLY|O_NONBLOCK with no reader", open("fifo", O_WRONLY | O_NONBLOCK));
    int r = opened("open O_RDONLY|O_NONBLOCK", open("fifo", O_RDONLY | O_NONBLOCK));
    /* No POLLHUP until a writer has come and gone, yet read sees EOF. */
    poll_in("poll a reader that never had a writer", r, POLLIN);
    show("read with no writer", read(r, buf, sizeof buf));
    int w = opened("open O_WRONLY|O_NONBLOCK", open("fifo", O_WRONLY | O_NONBLOCK));
    poll_in("poll with no data", r, POLLIN);
    show("read with no data", read(r, buf, sizeof buf));
    show("write hello", write(w, "hello", 5));
    struct stat st;
    fstat(r, &st);
    printf("  fstat with 5 bytes queued: fifo %d, st_size %ld\n", S_ISFIFO(st.st_mode), (long)st.st_size);
    poll_in("poll with data", r, POLLIN);
    show("read", read(r, buf, sizeof buf));
    show("lseek on the FIFO", lseek(r, 0, SEEK_SET));
    show("write bye", write(w, "bye", 3));
    show("close the writer", close(w));
    poll_in("poll with data and no writer", r, POLLIN);
    show("read", read(r, buf, sizeof buf));
    poll_in("poll with no writer", r, POLLIN);
    show("read at EOF", read(r, buf, sizeof buf));
    close(r);

    /* With the reader gone, writes fail with EPIPE (SIGPIPE is ignored). */
    r = open("fifo", O_RDONLY | O_NONBLOCK);
    w = open("fifo", O_WRONLY | O_NONBLOCK);
    close(r);
    show("write with no reader", write(w, "x", 1));
    poll_in("poll the writer", w, POLLOUT);
    close(w);

    /* O_RDWR is a reader and a writer at once, so it never waits (Linux). */
    int rw = opened("open O_RDWR", open("fifo", O_RDWR));
    show("write through O_RDWR", write(rw, "ab", 2));
    show("read through O_RDWR", read(rw, buf, sizeof buf));
    close(rw);

    /* Blocking opens wait for each other. */
    if ((pid = spawn()) == 0) {
        usleep(100000);
        int cw = open("fifo", O_WRONLY);
        _exit(cw < 0 || write(cw, "from the child", 14) != 14);
    }
    r = opened("open O_RDONLY (blocks for the child)", open("fifo", O_RDONLY));
    long n = read(r, buf, sizeof buf);
    show("read", n);
    printf("  \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
    show("read after the child exited", read(r, buf, sizeof buf));
    int status;
    waitpid(pid, &status, 0);
    show("child exit status", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    close(r);

    /* The open ends keep working after the name is gone. */
    r = open("fifo", O_RDONLY | O_NONBLOCK);
    w = open("fifo", O_WRONLY | O_NONBLOCK);
    show("unlink fifo while open", unlink("fifo"));
    show("stat fifo", stat("fifo", &st));
    show("write still", write(w, "still", 5));
    show("read", read(r, buf, sizeof buf));
    fstat(r, &st);
    printf("  fstat: fifo %d, st_nlink %ld\n", S_ISFIFO(st.st_mode), (long)st.st_nlink);
    close(r);
    close(w);

    printf("-- mknod\n");
    show("mknod regular S_IFREG|0666", mknod("regular", S_IFREG | 0666, 0));
    show_stat("regular");
    show("mknod regular again", mknod("regular", S_IFREG | 0666, 0));
    show("mknod plain with no type bits", mknod("plain", 0666, 0));
    show_stat("plain");
    show("mknod type 0170000", mknod("bad", 0170000 | 0666, 0));
    show("mknod S_IFDIR", mknod("dir", S_IFDIR | 0755, 0));
    show("mknod null S_IFCHR 1,3", mknod("null", S_IFCHR | 0666, makedev(1, 3)));
    show_stat("null");
    stat("null", &st);
    printf("  major %u, minor %u\n", major(st.st_rdev), minor(st.st_rdev));
    int nul = opened("open null O_RDWR", open("null", O_RDWR));
    show("write to null", write(nul, "gone!", 5));
    show("read from null", read(nul, buf, sizeof buf));
    close(nul);
    show("unlink regular", unlink("regular"));
    show("unlink plain", unlink("plain"));
    show("unlink null", unlink("null"));
    return 0;
}
