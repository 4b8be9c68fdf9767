/* The first user program: argv, stdio through writev, exit status. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("hello from %s, argc=%d\n", argv[0], argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    return 0;
}
