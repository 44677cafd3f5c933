#include "disk.h"

void schedule(const scenario *s) {
    /* TODO: the exercise. Every algorithm is FCFS for now: write SSTF, SCAN, C-SCAN, LOOK and
     * C-LOOK as "The rules" in the statement define them, ties and trips to the edges included. */
    for (size_t i = 0; i < s->n; i++) serve((int)i + 1);
}
