/* The first thing to come to mind: no sorting at all. Each step looks at every request for the
 * nearest one still pending (ties the way the head last moved), and sweeps pick the next request
 * ahead the same way. Right, and O(n^2): a million requests is 10^12 comparisons. */
#include <stdint.h>
#include <stdlib.h>
#include "disk.h"

static unsigned char *done;

/* The pending request nearest to `at` in the direction `way` (1 up, -1 down; 0: either, ties
 * toward `up`), on cylinders at or beyond `at`; the lowest number on a cylinder; 0 if none. */
static int nearest(const scenario *s, int64_t at, int way, int up) {
    int best = 0;
    int64_t best_distance = INT64_MAX, best_cylinder = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (done[i + 1]) continue;
        int64_t c = s->requests[i];
        if (way > 0 && c < at) continue;
        if (way < 0 && c > at) continue;
        int64_t d = c > at ? c - at : at - c;
        if (d < best_distance || (d == best_distance && c != best_cylinder && (c > at) == up)) {
            best = (int)i + 1;
            best_distance = d;
            best_cylinder = c;
        }
    }
    return best;
}

static int64_t sweep(const scenario *s, int64_t at, int way) {
    for (int k; (k = nearest(s, at, way, way > 0)) != 0;) {
        done[k] = 1;
        serve(k);
        at = s->requests[k - 1];
    }
    return at;
}

static int any_pending(const scenario *s) {
    for (size_t i = 0; i < s->n; i++)
        if (!done[i + 1]) return 1;
    return 0;
}

void schedule(const scenario *s) {
    done = calloc(s->n + 1, 1);
    if (!done) abort();
    int64_t at = s->head, top = s->cylinders - 1;
    int way = s->direction == UP ? 1 : -1;
    switch (s->algorithm) {
    case FCFS:
        for (size_t i = 0; i < s->n; i++) serve((int)i + 1);
        break;
    case SSTF: {
        int up = way > 0;
        for (int k; (k = nearest(s, at, 0, up)) != 0;) {
            int64_t c = s->requests[k - 1];
            if (c != at) up = c > at;
            at = c;
            done[k] = 1;
            serve(k);
        }
        break;
    }
    case SCAN:
    case LOOK:
        at = sweep(s, at, way);
        if (any_pending(s) && s->algorithm == SCAN) {
            at = way > 0 ? top : 0;
            seek(at);
        }
        sweep(s, at, -way);
        break;
    case C_SCAN:
    case C_LOOK:
        at = sweep(s, at, way);
        if (!any_pending(s)) break;
        if (s->algorithm == C_SCAN) {
            seek(way > 0 ? top : 0);
            at = way > 0 ? 0 : top;
            seek(at);
        } else {
            at = way > 0 ? 0 : top; /* C-LOOK: the farthest request behind is the nearest from the far end */
            at = s->requests[nearest(s, at, way, way > 0) - 1];
        }
        sweep(s, at, way);
        break;
    }
    free(done);
}
