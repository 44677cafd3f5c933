// attack: busy-waits on the clock for a minute.
// expect: TLE
// must not: escape the CPU limit by calling into the vDSO.
#include <time.h>
int main(void) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do clock_gettime(CLOCK_MONOTONIC, &now);
    while (now.tv_sec - start.tv_sec < 60);
    return 0;
}
