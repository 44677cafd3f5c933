/* The harness: reads "<nonce>\n<threads> <adds>", runs the threads, reports on its own descriptor
 * (report.c, shared by every link exercise). */
#include <pthread.h>
#include <stdio.h>
#include "counter.h"
#include "report.h"

static long adds;

static void *worker(void *arg) {
    (void)arg;
    for (long i = 0; i < adds; i++) counter_add(1);
    return NULL;
}

int main(void) {
    report_begin();
    int threads;
    if (scanf("%d %ld", &threads, &adds) != 2 || threads < 1 || threads > 64) return 2;
    pthread_t ids[64];
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, NULL);
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    report_number("total", counter_total());
    report_end();
    return 0;
}
