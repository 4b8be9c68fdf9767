/* Dereferences a null pointer: the shell that ran it reports the signal. */
int main(void)
{
    volatile int *nothing = 0;
    return *nothing;
}
