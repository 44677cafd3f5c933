// attack: eight threads spinning at once.
// expect: TLE
// must not: use more than the one CPU the container is pinned to, or escape the CPU limit.
#include <pthread.h>
static void *spin(void *arg) { volatile unsigned long *n = arg; for (;;) (*n)++; return 0; }
int main(void) {
    static volatile unsigned long counters[8];
    pthread_t threads[8];
    for (int i = 0; i < 8; i++) pthread_create(&threads[i], 0, spin, (void *)&counters[i]);
    pthread_join(threads[0], 0);
    return 0;
}
