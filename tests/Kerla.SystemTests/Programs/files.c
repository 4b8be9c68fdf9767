/* File syscalls, each result printed as "call = value" or "call = -1 errno N",
 * so that the same binary prints the same lines on Linux and on Kerla. Runs in
 * a tree holding etc/lines ("line one\nline two\nline three\n"). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    char buf[64];
    int fd = open("etc/lines", O_RDONLY);
    show("open etc/lines", fd >= 3 ? 3 : fd);
    long n = read(fd, buf, 8);
    show("read 8", n);
    printf("  \"%.*s\"\n", (int)n, buf);
    show("lseek end", lseek(fd, 0, SEEK_END));
    show("read at end", read(fd, buf, 8));
    n = pread(fd, buf, 8, 9);
    show("pread 8 at 9", n);
    printf("  \"%.*s\"\n", (int)n, buf);
    show("lseek cur", lseek(fd, 0, SEEK_CUR));
    show("lseek negative", lseek(fd, -100, SEEK_SET));
    show("lseek on stdout", lseek(1, 0, SEEK_SET));
    show("dup2 to 10", dup2(fd, 10));
    show("fcntl getfd", fcntl(10, F_GETFD));
    show("fcntl setfd", fcntl(10, F_SETFD, FD_CLOEXEC));
    show("fcntl getfd again", fcntl(10, F_GETFD));
    show("fcntl getfl accmode", fcntl(10, F_GETFL) & O_ACCMODE);
    show("fcntl dupfd 20", fcntl(fd, F_DUPFD, 20));
    show("close 10", close(10));
    show("close 10 again", close(10));
    show("write to a read-only fd", write(fd, "x", 1));
    show("close", close(fd));
    show("open missing", open("etc/missing", O_RDONLY));
    show("open through a file", open("etc/lines/x", O_RDONLY));
    show("open dir for writing", open("etc", O_WRONLY));
    show("open file as directory", open("etc/lines", O_RDONLY | O_DIRECTORY));

    umask(022);
    show("mkdir newdir", mkdir("newdir", 0777));
    show("mkdir newdir again", mkdir("newdir", 0777));
    show("chdir newdir", chdir("newdir"));
    char *cwd = getcwd(buf, sizeof buf);
    printf("getcwd ends with /newdir: %d\n", cwd && strlen(cwd) >= 7 && strcmp(cwd + strlen(cwd) - 7, "/newdir") == 0);
    show("getcwd too small", getcwd(buf, 2) ? 0 : -1);
    fd = open("file", O_CREAT | O_WRONLY | O_TRUNC, 0666);
    show("create file", fd >= 3 ? 3 : fd);
    show("write hello", write(fd, "hello", 5));
    show("pwrite at 10", pwrite(fd, "X", 1, 10));
    show("close", close(fd));
    struct stat st;
    show("stat file", stat("file", &st));
    printf("  size %ld, mode %o, regular %d\n", (long)st.st_size, st.st_mode & 07777, S_ISREG(st.st_mode));
    show("open O_EXCL existing", open("file", O_CREAT | O_EXCL | O_WRONLY, 0600));
    fd = open("file", O_RDONLY);
    n = read(fd, buf, sizeof buf);
    show("read back", n);
    printf("  hole bytes are zero: %d, tail %c\n", buf[5] == 0 && buf[9] == 0, buf[10]);
    close(fd);
    show("access read", access("file", R_OK));
    show("access execute", access("file", X_OK));
    show("access missing", access("missing", F_OK));
    show("rmdir a file", rmdir("file"));
    show("unlink file", unlink("file"));
    show("unlink again", unlink("file"));
    show("chdir ..", chdir(".."));
    show("unlink a directory", unlink("newdir"));
    show("rmdir newdir", rmdir("newdir"));
    show("stat removed", stat("newdir", &st));
    show("lstat etc", lstat("etc", &st));
    printf("  directory %d\n", S_ISDIR(st.st_mode));

    DIR *dir = opendir("etc");
    char *names[16];
    int count = 0;
    for (struct dirent *e; (e = readdir(dir)) && count < 16;) names[count++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, count, sizeof names[0], compare);
    printf("etc holds:");
    for (int i = 0; i < count; i++) printf(" %s", names[i]);
    printf("\n");
    return 0;
}
