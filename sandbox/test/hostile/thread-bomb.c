// attack: thread bomb — starts threads until the kernel refuses.
// expect: OK
// stdout: ^capped after \d\d?\n$
// must not: get more threads than the pids limit (64, shared with the processes already there).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *park(void *arg) { (void)arg; pause(); return NULL; }
int main(void) {
    int n = 0;
    pthread_t thread;
    while (n < 100000 && pthread_create(&thread, NULL, park, NULL) == 0) n++;
    printf("capped after %d\n", n);
    fflush(stdout);
    _exit(0);
}
