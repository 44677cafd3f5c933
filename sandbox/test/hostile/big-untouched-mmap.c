// attack: a 4 GiB mapping that is never touched.
// expect: OK
// stdout: ^mapped\n$
// must not: be judged MLE: only touched pages count against the memory limit.
#include <stdio.h>
#include <sys/mman.h>
int main(void) {
    char *p = mmap(0, 4UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return 2;
    p[0] = 1;
    puts("mapped");
    return 0;
}
