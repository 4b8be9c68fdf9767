/* Permission checks: what root may do whatever the mode bits say, and what
 * uid 1000 (gid 1000, no supplementary groups) may do with root's files and
 * its own. Each result is printed as "call = value" or "call = -1 errno N", so
 * that the same binary prints the same lines on Linux and on Kerla. Works in
 * ./permtest, which it removes at the end. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *call, long result)
{
    if (result < 0) printf("%s = -1 errno %d\n", call, errno);
    else printf("%s = %ld\n", call, result);
}

/* Prints 0 for success rather than the descriptor, then closes it. */
static void try_open(const char *call, const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    show(call, fd < 0 ? -1 : 0);
    if (fd >= 0) close(fd);
}

/* A file holding a script line (for execve), with its owner and mode; chmod
 * comes after chown, which would drop set-user-ID. */
static void make(const char *path, uid_t uid, gid_t gid, mode_t mode)
{
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    write(fd, "#!/bin/sh\n", 10);
    close(fd);
    chown(path, uid, gid);
    chmod(path, mode);
}

/* A root directory of the given mode, holding a 0644 root file f. */
static void makedir(const char *path, mode_t mode)
{
    char f[64];
    mkdir(path, 0700);
    snprintf(f, sizeof f, "%s/f", path);
    make(f, 0, 0, 0644);
    chmod(path, mode);
}

static void mode_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) printf("  %s: stat errno %d\n", path, errno);
    else printf("  %s: mode %o, owner %d:%d\n", path, st.st_mode & 07777, (int)st.st_uid, (int)st.st_gid);
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Prints a directory's entries, sorted: readdir's order is the filesystem's own. */
static void list(const char *path)
{
    char *names[16];
    int count = 0;
    DIR *dir = opendir(path);
    if (!dir) { printf("  opendir %s errno %d\n", path, errno); return; }
    for (struct dirent *e; (e = readdir(dir)) && count < 16;) names[count++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, count, sizeof names[0], compare);
    printf("  %s holds:", path);
    for (int i = 0; i < count; i++) printf(" %s", names[i]);
    printf("\n");
}

/* rm -r, as root, which may enter and empty directories of any mode. */
static int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) return -1;
    if (!S_ISDIR(st.st_mode)) return unlink(path);
    DIR *dir = opendir(path);
    if (!dir) return -1;
    for (struct dirent *e; (e = readdir(dir));) {
        char sub[512];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        remove_tree(sub);
    }
    closedir(dir);
    return rmdir(path);
}

static char *const no_env[] = { NULL };

static void unprivileged(void)
{
    struct stat st;
    char *const args[] = { "public", NULL };
    show("setgroups none", setgroups(0, NULL));
    show("setgid 1000", setgid(1000));
    show("setuid 1000", setuid(1000));
    /* Owner, group and other are exclusive: the first class that matches decides. */
    try_open("open O_RDONLY root 0600", "secret", O_RDONLY);
    try_open("open O_RDONLY root 0644", "public", O_RDONLY);
    try_open("open O_WRONLY root 0644", "public", O_WRONLY);
    try_open("open O_RDWR own 0400", "mine", O_RDWR);
    try_open("open O_RDONLY own 0400", "mine", O_RDONLY);
    try_open("open O_RDONLY own 0066 (owner class denies)", "ownerdenied", O_RDONLY);
    try_open("open O_RDONLY root:1000 0640", "group", O_RDONLY);
    try_open("open O_RDONLY root:1000 0604 (group class denies)", "groupdenied", O_RDONLY);
    show("access R_OK root 0600", access("secret", R_OK));
    show("access R_OK root 0644", access("public", R_OK));
    show("access W_OK root 0644", access("public", W_OK));
    show("access X_OK root 0644", access("public", X_OK));
    show("truncate root 0644", truncate("public", 0));
    show("truncate own 0400", truncate("mine", 0));
    show("execve a 0644 file", execve("public", args, no_env));

    /* Search (x) is needed on every directory walked through; read (r) only to list. */
    show("stat d700/f", stat("d700/f", &st));
    show("stat d711/f", stat("d711/f", &st));
    try_open("open O_DIRECTORY d711", "d711", O_RDONLY | O_DIRECTORY);
    show("stat d744/f", stat("d744/f", &st));
    try_open("open O_DIRECTORY d744", "d744", O_RDONLY | O_DIRECTORY);
    list("d744");
    show("chdir d744", chdir("d744"));
    show("chdir d711", chdir("d711"));
    show("chdir ..", chdir(".."));

    /* Creating and removing names needs write and search on the directory. */
    try_open("open O_CREAT in root 0755", "d755/new", O_CREAT | O_WRONLY);
    try_open("open O_CREAT of an existing file in root 0755", "d755/f", O_CREAT | O_RDONLY);
    show("mkdir in root 0755", mkdir("d755/sub", 0755));
    show("unlink in root 0755", unlink("d755/f"));
    show("rename out of root 0755", rename("d755/f", "d777/g"));
    try_open("open O_CREAT in root 0772 (write, no search)", "dw/new", O_CREAT | O_WRONLY);
    try_open("open O_CREAT in root 0777", "d777/created", O_CREAT | O_WRONLY);
    mode_of("d777/created");
    show("mkdir in root 0777", mkdir("d777/sub", 0755));
    show("unlink root's file in 0777", unlink("d777/f"));
    /* Sticky: only the file's owner (or the directory's) may remove or replace it. */
    show("unlink root's file in 01777", unlink("sticky/f"));
    show("rename root's file in 01777", rename("sticky/f", "sticky/moved"));
    try_open("open O_CREAT in 01777", "sticky/own", O_CREAT | O_WRONLY);
    show("rename own file over root's in 01777", rename("sticky/own", "sticky/f"));
    show("rename own file in 01777", rename("sticky/own", "sticky/own2"));
    show("unlink own file in 01777", unlink("sticky/own2"));

    /* Only the owner may chmod; chown only to no change and to its own groups. */
    show("chmod root's file", chmod("public", 0777));
    show("chmod own file 0600", chmod("d777/created", 0600));
    show("chown own file to uid 0", chown("d777/created", 0, -1));
    show("chown own file to 1000:1000", chown("d777/created", 1000, 1000));
    show("chown own file to -1:-1", chown("d777/created", -1, -1));
    show("chown own file to gid 2000", chown("d777/created", -1, 2000));
    mode_of("d777/created");
    /* Set-group-ID on a file of a group one is not in is silently dropped. */
    show("chmod own 1000:2000 file 02755", chmod("gidother", 02755));
    mode_of("gidother");

    /* "Now" needs write permission (or ownership); explicit times need ownership. */
    struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } }, then[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
    show("utimensat own file, NULL", utimensat(AT_FDCWD, "d777/created", NULL, 0));
    show("utimensat own file, explicit", utimensat(AT_FDCWD, "d777/created", then, 0));
    show("utimensat root 0666, NULL", utimensat(AT_FDCWD, "shared", NULL, 0));
    show("utimensat root 0666, UTIME_NOW", utimensat(AT_FDCWD, "shared", now, 0));
    show("utimensat root 0666, explicit", utimensat(AT_FDCWD, "shared", then, 0));
    show("utimensat root 0644, NULL", utimensat(AT_FDCWD, "public", NULL, 0));
    show("utimensat root 0644, explicit", utimensat(AT_FDCWD, "public", then, 0));

    /* A write by anyone but root drops set-user-ID. */
    int fd = open("suid", O_WRONLY);
    show("write to own 04755 file", write(fd, "x", 1));
    close(fd);
    mode_of("suid");
}

int main(void)
{
    struct stat st;
    char *const args[] = { "plain", NULL };
    alarm(10);
    umask(022);
    show("mkdir permtest", mkdir("permtest", 0755));
    show("chdir permtest", chdir("permtest"));

    /* Root ignores read and write bits, but executes only files with some x bit. */
    make("none", 0, 0, 0);
    try_open("root: open O_RDWR 0000", "none", O_RDWR);
    show("root: access R_OK|W_OK 0000", access("none", R_OK | W_OK));
    show("root: access X_OK 0000", access("none", X_OK));
    make("plain", 0, 0, 0644);
    show("root: access X_OK 0644", access("plain", X_OK));
    show("root: execve a 0644 file", execve("plain", args, no_env));
    make("xuser", 0, 0, 0100);
    show("root: access X_OK 0100", access("xuser", X_OK));
    make("xother", 0, 0, 0001);
    show("root: access X_OK 0001", access("xother", X_OK));
    /* ... and searches and lists directories whatever their mode. */
    makedir("closed", 0);
    show("root: access X_OK directory 0000", access("closed", X_OK));
    show("root: stat closed/f", stat("closed/f", &st));
    try_open("root: open O_DIRECTORY 0000", "closed", O_RDONLY | O_DIRECTORY);

    /* Root's writes keep set-user-ID; chown drops both set-ID bits,
     * even root's and even when nothing changes. */
    make("rootsuid", 0, 0, 04755);
    int fd = open("rootsuid", O_WRONLY);
    show("root: write to 04755 file", write(fd, "x", 1));
    close(fd);
    mode_of("rootsuid");
    make("chowned", 0, 0, 06755);
    show("root: chown 06755 file to 1000:1000", chown("chowned", 1000, 1000));
    mode_of("chowned");
    make("unchanged", 0, 0, 06755);
    show("root: chown 06755 file to -1:-1 (no change)", chown("unchanged", -1, -1));
    mode_of("unchanged");

    /* The umask takes bits away from the mode given at creation. */
    close(open("masked", O_CREAT | O_WRONLY, 0666));
    mkdir("maskeddir", 0777);
    mode_of("masked");
    mode_of("maskeddir");
    printf("umask(0) returns %o\n", (unsigned)umask(0));
    close(open("unmasked", O_CREAT | O_WRONLY, 0666));
    mode_of("unmasked");
    printf("umask(022) returns %o\n", (unsigned)umask(022));

    /* Files and directories for uid 1000. */
    make("secret", 0, 0, 0600);
    make("public", 0, 0, 0644);
    make("shared", 0, 0, 0666);
    make("mine", 1000, 1000, 0400);
    make("ownerdenied", 1000, 1000, 0066);
    make("group", 0, 1000, 0640);
    make("groupdenied", 0, 1000, 0604);
    make("gidother", 1000, 2000, 0644);
    make("suid", 1000, 1000, 04755);
    mode_of("suid");
    makedir("d700", 0700);
    makedir("d711", 0711);
    makedir("d744", 0744);
    makedir("d755", 0755);
    makedir("dw", 0772);
    makedir("d777", 0777);
    makedir("sticky", 01777);
    chmod("sticky/f", 0666); /* writable by all: only the sticky bit protects it */
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        unprivileged();
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("uid 1000 child exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);

    show("chdir ..", chdir(".."));
    show("remove permtest", remove_tree("permtest"));
    show("stat permtest", stat("permtest", &st));
    return 0;
}
