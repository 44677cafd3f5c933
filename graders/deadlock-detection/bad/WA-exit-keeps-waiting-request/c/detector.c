/* Known bad: the EXIT of a waiting process gives back what it holds but leaves its request in the
 * queue (and the process among the waiting), so a later release may wake the process that exited. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "detector.h"

/* A queue entry, and a waiting process's ticket: the order it started waiting in, then its number
 * (n <= 2000 < 2^11; at most 200,000 waits, so it fits an int). An entry whose process's ticket is
 * no longer the same (it exited, or was woken and waits again) is stale and skipped. */
#define PROCESS_BITS 11
#define PROCESS_MASK ((1 << PROCESS_BITS) - 1)

typedef struct {
    int *entries; /* live and stale entries in [head, tail), oldest first */
    int head, tail, capacity;
} queue;

static int n, m;
static const int *total;
static long long *free_count; /* [m] */
static int *held;             /* [n * m]: held[p * m + r] */
static int *held_types;       /* [n * m]: row p lists the held_count[p] types p holds */
static int *held_at;          /* [n * m]: where type r is in p's list, while p holds some */
static int *held_count;       /* [n] */
static int *ticket;           /* [n]: while p waits, its entry in its type's queue; else -1 */
static int *wait_type, *wait_amount;
static int tickets;
static int *waiting, *waiting_at, waiting_count; /* the waiting processes, in any order */
static queue *queues;

/* Detection's scratch space. */
static long long *work;
static int *start, *next, *types_to_check;
static char *to_check;
static int64_t *requests; /* by type, then amount << 11 | process */

static void *allocate(size_t count, size_t size) {
    void *memory = calloc(count ? count : 1, size);
    if (!memory) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return memory;
}

void detector_init(int processes, int types, const int *totals) {
    n = processes;
    m = types;
    total = totals;
    size_t cells = (size_t)n * (size_t)m;
    free_count = allocate((size_t)m, sizeof *free_count);
    for (int r = 0; r < m; r++) free_count[r] = total[r];
    held = allocate(cells, sizeof *held);
    held_types = allocate(cells, sizeof *held_types);
    held_at = allocate(cells, sizeof *held_at);
    held_count = allocate((size_t)n, sizeof *held_count);
    ticket = allocate((size_t)n, sizeof *ticket);
    for (int p = 0; p < n; p++) ticket[p] = -1;
    wait_type = allocate((size_t)n, sizeof *wait_type);
    wait_amount = allocate((size_t)n, sizeof *wait_amount);
    waiting = allocate((size_t)n, sizeof *waiting);
    waiting_at = allocate((size_t)n, sizeof *waiting_at);
    queues = allocate((size_t)m, sizeof *queues);
    work = allocate((size_t)m, sizeof *work);
    start = allocate((size_t)m + 1, sizeof *start);
    next = allocate((size_t)m, sizeof *next);
    types_to_check = allocate((size_t)m, sizeof *types_to_check);
    to_check = allocate((size_t)m, sizeof *to_check);
    requests = allocate((size_t)n, sizeof *requests);
}

static void hold(int p, int r, int k) {
    size_t row = (size_t)p * m;
    if (held[row + r] == 0) {
        held_at[row + r] = held_count[p];
        held_types[row + held_count[p]++] = r;
    }
    held[row + r] += k;
}

static void give_back(int p, int r, int k) {
    size_t row = (size_t)p * m;
    if ((held[row + r] -= k) > 0) return;
    int at = held_at[row + r], last = held_types[row + --held_count[p]];
    held_types[row + at] = last;
    held_at[row + last] = at;
}

static void push(queue *q, int entry) {
    if (q->tail == q->capacity) {
        /* Full: drop the stale entries, move the rest to the front, and grow if still over half full. */
        int kept = 0;
        for (int i = q->head; i < q->tail; i++) {
            int e = q->entries[i];
            if (ticket[e & PROCESS_MASK] == e) q->entries[kept++] = e;
        }
        q->head = 0;
        q->tail = kept;
        if (2 * kept >= q->capacity) {
            q->capacity = q->capacity ? 2 * q->capacity : 16;
            q->entries = realloc(q->entries, (size_t)q->capacity * sizeof *q->entries);
            if (!q->entries) {
                fprintf(stderr, "out of memory\n");
                exit(1);
            }
        }
    }
    q->entries[q->tail++] = entry;
}

static void stop_waiting(int p) {
    ticket[p] = -1;
    int at = waiting_at[p], last = waiting[--waiting_count];
    waiting[at] = last;
    waiting_at[last] = at;
}

/* Grants, oldest first, the requests in r's queue that fit in what is free, appending the woken
 * processes to woken[count..]; returns the new count. Stops once nothing is free. */
static int wake(int r, int *woken, int count) {
    queue *q = &queues[r];
    long long available = free_count[r];
    int kept = q->head, i = q->head;
    for (; i < q->tail && available > 0; i++) {
        int e = q->entries[i], p = e & PROCESS_MASK;
        if (ticket[p] != e) continue;
        int k = wait_amount[p];
        if (k > available) {
            q->entries[kept++] = e;
            continue;
        }
        available -= k;
        stop_waiting(p);
        hold(p, r, k);
        woken[count++] = p;
    }
    free_count[r] = available;
    if (i == q->tail) {
        q->tail = kept;
    } else {
        /* Stopped early: the kept entries go just before the ones not looked at. */
        int length = kept - q->head;
        memmove(q->entries + i - length, q->entries + q->head, (size_t)length * sizeof *q->entries);
        q->head = i - length;
    }
    return count;
}

int detector_request(int p, int r, int k) {
    if (k <= free_count[r]) {
        free_count[r] -= k;
        hold(p, r, k);
        return 1;
    }
    ticket[p] = (++tickets << PROCESS_BITS) | p;
    wait_type[p] = r;
    wait_amount[p] = k;
    waiting_at[p] = waiting_count;
    waiting[waiting_count++] = p;
    push(&queues[r], ticket[p]);
    return 0;
}

int detector_release(int p, int r, int k, int *woken) {
    give_back(p, r, k);
    free_count[r] += k;
    return wake(r, woken, 0);
}

int detector_exit(int p, int *woken) {
    size_t row = (size_t)p * m;
    int types = held_count[p];
    held_count[p] = 0;
    for (int i = 0; i < types; i++) {
        int r = held_types[row + i];
        free_count[r] += held[row + r];
        held[row + r] = 0;
    }
    int count = 0;
    for (int i = 0; i < types; i++) count = wake(held_types[row + i], woken, count);
    return count;
}

static void sort_requests(int64_t *a, int length) {
    while (length > 16) {
        int64_t pivot = a[length / 2];
        int i = 0, j = length - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                int64_t swap = a[i];
                a[i++] = a[j];
                a[j--] = swap;
            }
        }
        /* Recurse into the smaller part, loop on the larger. */
        if (j + 1 < length - i) {
            sort_requests(a, j + 1);
            a += i;
            length -= i;
        } else {
            sort_requests(a + i, length - i);
            length = j + 1;
        }
    }
    for (int i = 1; i < length; i++) {
        int64_t value = a[i];
        int j = i;
        for (; j > 0 && a[j - 1] > value; j--) a[j] = a[j - 1];
        a[j] = value;
    }
}

int detector_detect(int *deadlocked) {
    if (waiting_count == 0) return 0;
    for (int r = 0; r < m; r++) {
        work[r] = total[r];
        start[r + 1] = 0;
    }
    /* work = total minus what the waiting processes hold; their requests bucketed by type. */
    for (int i = 0; i < waiting_count; i++) {
        int p = waiting[i];
        size_t row = (size_t)p * m;
        for (int j = 0; j < held_count[p]; j++) {
            int t = held_types[row + j];
            work[t] -= held[row + t];
        }
        start[wait_type[p] + 1]++;
    }
    start[0] = 0;
    for (int r = 0; r < m; r++) {
        start[r + 1] += start[r];
        next[r] = start[r];
    }
    for (int i = 0; i < waiting_count; i++) {
        int p = waiting[i];
        requests[next[wait_type[p]]++] = ((int64_t)wait_amount[p] << PROCESS_BITS) | p;
    }
    int pending = 0;
    for (int r = 0; r < m; r++) {
        next[r] = start[r];
        to_check[r] = start[r] < start[r + 1];
        if (!to_check[r]) continue;
        sort_requests(requests + start[r], start[r + 1] - start[r]);
        types_to_check[pending++] = r;
    }
    /* next[r]: r's first request not yet granted; the ones before it fit in work[r]. */
    while (pending > 0) {
        int r = types_to_check[--pending];
        to_check[r] = 0;
        while (next[r] < start[r + 1] && (requests[next[r]] >> PROCESS_BITS) <= work[r]) {
            int p = (int)(requests[next[r]++] & PROCESS_MASK);
            size_t row = (size_t)p * m;
            for (int j = 0; j < held_count[p]; j++) {
                int t = held_types[row + j];
                work[t] += held[row + t];
                if (!to_check[t] && next[t] < start[t + 1]) {
                    to_check[t] = 1;
                    types_to_check[pending++] = t;
                }
            }
        }
    }
    int count = 0;
    for (int r = 0; r < m; r++) {
        for (int i = next[r]; i < start[r + 1]; i++) deadlocked[count++] = (int)(requests[i] & PROCESS_MASK);
    }
    return count;
}
