#include <stdlib.h>
#include "detector.h"

/* TODO: the state of the system. Per process: what it holds, and whether it waits and for what.
 * Per resource type: what is free, and the queue of waiting requests, oldest first. */

void detector_init(int n, int m, const int *total) {
    /* TODO: allocate the state: every instance free, nobody holding or waiting. */
    (void)n;
    (void)m;
    (void)total;
}

int detector_request(int p, int r, int k) {
    /* TODO: grant at once if k instances of type r are free; otherwise p waits and its request
     * joins the queue. For now every request is granted. */
    (void)p;
    (void)r;
    (void)k;
    return 1;
}

int detector_release(int p, int r, int k, int *woken) {
    /* TODO: give the instances back, then reconsider type r's queue, oldest first: grant each
     * request that fits in what is free at that moment. For now nobody is woken. */
    (void)p;
    (void)r;
    (void)k;
    (void)woken;
    return 0;
}

int detector_exit(int p, int *woken) {
    /* TODO: take p's request out of its queue if it waits, give back everything it holds, and
     * reconsider the queues of the types given back. For now nobody is woken. */
    (void)p;
    (void)woken;
    return 0;
}

int detector_detect(int *deadlocked) {
    /* TODO: work = total minus what the waiting processes hold; finish every waiting process whose
     * request fits in work (work grows by what it holds), until none fits. The ones left are
     * deadlocked. For now nobody is. */
    (void)deadlocked;
    return 0;
}
