/* SCAN always sweeps to the disk's edge in its first direction, as many textbook figures draw it,
 * even when nothing remains behind the head: the statement stops it at its last request then. */
#include <stdint.h>
#include <stdlib.h>
#include "disk.h"

#define NUMBER_BITS 21 /* request numbers reach 10^6 < 2^21; cylinders 10^6 < 2^20 above them */

/* The sorted requests: cylinder above NUMBER_BITS, number below, so one integer compare orders both. */
static uint64_t *sorted;

static int64_t cylinder_at(size_t j) {
    return (int64_t)(sorted[j] >> NUMBER_BITS);
}

static int number_at(size_t j) {
    return (int)(sorted[j] & ((UINT64_C(1) << NUMBER_BITS) - 1));
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The first position in [0, n) whose cylinder is at least `cylinder`. */
static size_t lower_bound(size_t n, int64_t cylinder) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cylinder_at(mid) < cylinder) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Serves positions [lo, hi) going up. */
static void serve_up(size_t lo, size_t hi) {
    for (size_t j = lo; j < hi; j++) serve(number_at(j));
}

/* Serves positions [lo, hi) going down: cylinder by cylinder from the top, each one's requests in
 * input order. */
static void serve_down(size_t lo, size_t hi) {
    size_t end = hi;
    while (end > lo) {
        size_t start = end - 1;
        while (start > lo && cylinder_at(start - 1) == cylinder_at(end - 1)) start--;
        serve_up(start, end);
        end = start;
    }
}

static void shortest_seek_first(const scenario *s) {
    size_t n = s->n;
    size_t right = lower_bound(n, s->head); /* [left + 1, right) is what has been served */
    size_t left = right;                   /* one past the next candidate below */
    int64_t at = s->head;
    int up = s->direction == UP;
    while (left > 0 || right < n) {
        int64_t below = left > 0 ? at - cylinder_at(left - 1) : INT64_MAX;
        int64_t above = right < n ? cylinder_at(right) - at : INT64_MAX;
        int64_t next;
        if (above < below || (above == below && up)) {
            next = cylinder_at(right);
            size_t end = right;
            while (end < n && cylinder_at(end) == next) end++;
            serve_up(right, end);
            right = end;
        } else {
            next = cylinder_at(left - 1);
            size_t start = left - 1;
            while (start > 0 && cylinder_at(start - 1) == next) start--;
            serve_up(start, left);
            left = start;
        }
        if (next != at) up = next > at;
        at = next;
    }
}

void schedule(const scenario *s) {
    size_t n = s->n;
    if (s->algorithm == FCFS) {
        for (size_t i = 0; i < n; i++) serve((int)i + 1);
        return;
    }
    sorted = malloc(n * sizeof *sorted);
    if (!sorted) abort();
    for (size_t i = 0; i < n; i++) sorted[i] = (uint64_t)s->requests[i] << NUMBER_BITS | (uint64_t)(i + 1);
    qsort(sorted, n, sizeof *sorted, compare);

    if (s->algorithm == SSTF) {
        shortest_seek_first(s);
    } else {
        int circular = s->algorithm == C_SCAN || s->algorithm == C_LOOK;
        int to_edge = s->algorithm == SCAN || s->algorithm == C_SCAN;
        int64_t top = s->cylinders - 1;
        if (s->direction == UP) {
            size_t split = lower_bound(n, s->head); /* ahead: [split, n), from the head's cylinder up */
            serve_up(split, n);
            if (to_edge && (split > 0 || s->algorithm == SCAN)) {
                seek(top);
                if (circular) seek(0);
            }
            if (circular) serve_up(0, split);
            else serve_down(0, split);
        } else {
            size_t split = lower_bound(n, s->head + 1); /* ahead: [0, split), from the head's cylinder down */
            serve_down(0, split);
            if (to_edge && (split < n || s->algorithm == SCAN)) {
                seek(0);
                if (circular) seek(top);
            }
            if (circular) serve_down(split, n);
            else serve_up(split, n);
        }
    }
    free(sorted);
}
