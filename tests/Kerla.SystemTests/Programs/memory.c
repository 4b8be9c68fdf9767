/* Anonymous memory: mmap, munmap, mprotect, brk, malloc, then a fault on an
 * unmapped page, which must kill the program with SIGSEGV. */
#define _GNU_SOURCE /* mremap */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    const size_t size = 1 << 20;
    unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap 1 MiB: %s\n", p == MAP_FAILED ? strerror(errno) : "ok");
    memset(p, 0xab, size);
    unsigned long sum = 0;
    for (size_t i = 0; i < size; i++) sum += p[i];
    printf("sum of the bytes written: %lu\n", sum);
    printf("mprotect one page read-only: %d\n", mprotect(p, 4096, PROT_READ));
    printf("munmap a page in the middle: %d\n", munmap(p + 4 * 4096, 4096));
    int r = mprotect(p, 8 * 4096, PROT_READ);
    printf("mprotect over the hole: %d (%s)\n", r, r ? strerror(errno) : "no error");
    void *fail = mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
    printf("mmap without MAP_PRIVATE or MAP_SHARED: %s\n", fail == MAP_FAILED ? strerror(errno) : "mapped");
    /* The raw syscall: musl's sbrk() refuses to grow the heap. */
    char *before = (char *)syscall(SYS_brk, 0);
    char *after = (char *)syscall(SYS_brk, before + 100000);
    memset(before, 7, 100000);
    printf("brk grew by 100000: %d\n", after - before == 100000);
    char *big = malloc(10 << 20);
    memset(big, 1, 10 << 20);
    printf("malloc and fill 10 MiB: %s\n", big ? "ok" : "failed");
    free(big);
    /* madvise: MADV_DONTNEED drops private anonymous pages (they read back as zeros). */
    char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(m, 'x', 3 * 4096);
    printf("madvise DONTNEED middle page: %d\n", madvise(m + 4096, 4096, MADV_DONTNEED));
    printf("  pages read %c %d %c\n", m[0], m[4096], m[2 * 4096]);
    printf("madvise WILLNEED: %d, length 0: %d\n", madvise(m, 3 * 4096, MADV_WILLNEED), madvise(m, 0, MADV_DONTNEED));
    r = madvise(m + 1, 4096, MADV_DONTNEED);
    printf("madvise unaligned: %d errno %d\n", r, errno);
    munmap(m + 4096, 4096);
    r = madvise(m, 3 * 4096, MADV_DONTNEED);
    printf("madvise over a hole: %d errno %d\n", r, errno);
    printf("  the page after the hole was still dropped: %d\n", m[2 * 4096] == 0);
    r = madvise(m, 4096, 999);
    printf("madvise unknown advice: %d errno %d\n", r, errno);
    /* mremap: grow (moving if need be), shrink, move to a fixed place. */
    char *g = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(g, 'a', 2 * 4096);
    r = mremap(g, 4096, 2 * 4096, 0) == MAP_FAILED;
    printf("mremap into its own next page: failed %d errno %d\n", r, errno);
    char *h = mremap(g, 2 * 4096, 4 * 4096, MREMAP_MAYMOVE);
    printf("mremap grow: ok %d, kept %c %c, new page %d\n", h != MAP_FAILED, h[0], h[2 * 4096 - 1], h[2 * 4096]);
    h[4 * 4096 - 1] = 'z';
    printf("mremap shrink: same place %d\n", mremap(h, 4 * 4096, 4096, 0) == h);
    printf("  the tail is free again: %d\n",
           mmap(h + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == h + 4096);
    char *spot = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *moved = mremap(h, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, spot);
    printf("mremap fixed: at the spot %d, kept %c\n", moved == spot, moved[0]);
    r = mremap(spot + 1, 4096, 8192, MREMAP_MAYMOVE) == MAP_FAILED;
    printf("mremap unaligned: failed %d errno %d\n", r, errno);
    r = mremap(h, 4096, 8192, MREMAP_MAYMOVE) == MAP_FAILED;
    printf("mremap of unmapped memory: failed %d errno %d\n", r, errno);
    r = mremap(spot, 4096, 8192, MREMAP_FIXED, h) == MAP_FAILED;
    printf("mremap fixed without maymove: failed %d errno %d\n", r, errno);
    r = mremap(spot, 4096, 0, MREMAP_MAYMOVE) == MAP_FAILED;
    printf("mremap to size 0: failed %d errno %d\n", r, errno);
    /* Private file mappings: the file's bytes, copied; writes stay in the mapping. */
    int fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0600);
    static char block[8192];
    for (int i = 0; i < 8192; i++) block[i] = 'a' + i / 4096;
    write(fd, block, sizeof block);
    write(fd, "tail", 4);
    char *fm = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("file mapping: %c %c %.4s, then zeros %d\n", fm[0], fm[4096], fm + 8192, fm[8196]);
    char *fw = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    fw[0] = 'X';
    char back = 0;
    pread(fd, &back, 1, 4096);
    printf("private write: mapping %c, file %c\n", fw[0], back);
    r = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED;
    printf("file mapping at an unaligned offset: failed %d errno %d\n", r, errno);
    int wo = open("mapped", O_WRONLY);
    r = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, wo, 0) == MAP_FAILED;
    printf("file mapping of a write-only descriptor: failed %d errno %d\n", r, errno);
    r = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED;
    printf("file mapping of a closed descriptor: failed %d errno %d\n", r, errno);
    munmap(fm, 3 * 4096);
    munmap(fw, 4096);
    close(fd);
    close(wo);
    unlink("mapped");

    munmap(p + 4 * 4096, 4096); /* the one-page mappings above may have landed in the hole */
    printf("reading the unmapped page now\n");
    fflush(stdout);
    printf("read %d: not reached\n", p[4 * 4096]);
    return 0;
}
