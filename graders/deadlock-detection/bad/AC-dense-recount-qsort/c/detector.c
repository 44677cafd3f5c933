/* Expected AC: written plainly from the statement: a dense n x m matrix of held counts, a doubly
 * linked FIFO list of waiting processes per type; each DETECT recounts work from free plus everything
 * every process that is not waiting holds (O(n * m)), sorts each type's waiting requests with qsort
 * and advances a pointer per type from a worklist of types. Slower than the reference by a constant
 * factor and the O(n * m) recount, which the performance check must allow. */
#include <stdio.h>
#include <stdlib.h>
#include "detector.h"

typedef struct {
    int amount;
    int process;
} request;

static int n, m;
static const int *total;
static long long *free_count; /* [m] */
static int *held;             /* [n * m] */
static int *waits;            /* [n]: 1 while the process waits */
static int *wait_type, *wait_amount;
/* Per type, the waiting processes oldest first: a doubly linked list through next_in_queue and
 * prev_in_queue (a process waits for one type at a time). */
static int *queue_head, *queue_tail;
static int *next_in_queue, *prev_in_queue;

/* For DETECT. */
static long long *work;
static request *requests;   /* [n]: grouped by type */
static int *type_start;     /* [m + 1] */
static int *type_next;      /* [m]: the first request of the type not yet finished */
static int *worklist;       /* [m] */
static int *in_worklist;    /* [m] */

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
    free_count = allocate(m, sizeof *free_count);
    for (int r = 0; r < m; r++) free_count[r] = total[r];
    held = allocate((size_t)n * m, sizeof *held);
    waits = allocate(n, sizeof *waits);
    wait_type = allocate(n, sizeof *wait_type);
    wait_amount = allocate(n, sizeof *wait_amount);
    queue_head = allocate(m, sizeof *queue_head);
    queue_tail = allocate(m, sizeof *queue_tail);
    for (int r = 0; r < m; r++) queue_head[r] = queue_tail[r] = -1;
    next_in_queue = allocate(n, sizeof *next_in_queue);
    prev_in_queue = allocate(n, sizeof *prev_in_queue);
    work = allocate(m, sizeof *work);
    requests = allocate(n, sizeof *requests);
    type_start = allocate(m + 1, sizeof *type_start);
    type_next = allocate(m, sizeof *type_next);
    worklist = allocate(m, sizeof *worklist);
    in_worklist = allocate(m, sizeof *in_worklist);
}

static void enqueue(int p, int r) {
    next_in_queue[p] = -1;
    prev_in_queue[p] = queue_tail[r];
    if (queue_tail[r] >= 0) next_in_queue[queue_tail[r]] = p;
    else queue_head[r] = p;
    queue_tail[r] = p;
}

static void unlink_from_queue(int p, int r) {
    if (prev_in_queue[p] >= 0) next_in_queue[prev_in_queue[p]] = next_in_queue[p];
    else queue_head[r] = next_in_queue[p];
    if (next_in_queue[p] >= 0) prev_in_queue[next_in_queue[p]] = prev_in_queue[p];
    else queue_tail[r] = prev_in_queue[p];
}

/* Grants the waiting requests for type r that fit, oldest first; returns the new count of woken. */
static int wake(int r, int *woken, int count) {
    int p = queue_head[r];
    while (p >= 0 && free_count[r] > 0) {
        int following = next_in_queue[p];
        if (wait_amount[p] <= free_count[r]) {
            free_count[r] -= wait_amount[p];
            held[(size_t)p * m + r] += wait_amount[p];
            waits[p] = 0;
            unlink_from_queue(p, r);
            woken[count++] = p;
        }
        p = following;
    }
    return count;
}

int detector_request(int p, int r, int k) {
    if (k <= free_count[r]) {
        free_count[r] -= k;
        held[(size_t)p * m + r] += k;
        return 1;
    }
    waits[p] = 1;
    wait_type[p] = r;
    wait_amount[p] = k;
    enqueue(p, r);
    return 0;
}

int detector_release(int p, int r, int k, int *woken) {
    held[(size_t)p * m + r] -= k;
    free_count[r] += k;
    return wake(r, woken, 0);
}

int detector_exit(int p, int *woken) {
    if (waits[p]) {
        waits[p] = 0;
        unlink_from_queue(p, wait_type[p]);
    }
    int *row = &held[(size_t)p * m];
    int count = 0;
    for (int r = 0; r < m; r++) {
        if (row[r] == 0) continue;
        free_count[r] += row[r];
        row[r] = 0;
        count = wake(r, woken, count);
    }
    return count;
}

static int by_amount(const void *a, const void *b) {
    const request *x = a, *y = b;
    if (x->amount != y->amount) return x->amount < y->amount ? -1 : 1;
    return x->process - y->process;
}

static void add_holdings(int p) {
    int *row = &held[(size_t)p * m];
    for (int r = 0; r < m; r++) work[r] += row[r];
}

int detector_detect(int *deadlocked) {
    /* work: what is free plus what every process that is not waiting holds. */
    for (int r = 0; r < m; r++) work[r] = free_count[r];
    for (int r = 0; r <= m; r++) type_start[r] = 0;
    int waiting_count = 0;
    for (int p = 0; p < n; p++) {
        if (waits[p]) {
            type_start[wait_type[p] + 1]++;
            waiting_count++;
        } else {
            add_holdings(p);
        }
    }
    if (waiting_count == 0) return 0;
    /* The waiting requests grouped by type, each group sorted by amount. */
    for (int r = 0; r < m; r++) type_start[r + 1] += type_start[r];
    for (int r = 0; r < m; r++) type_next[r] = type_start[r];
    for (int p = 0; p < n; p++) {
        if (!waits[p]) continue;
        requests[type_next[wait_type[p]]++] = (request){wait_amount[p], p};
    }
    int pending = 0;
    for (int r = 0; r < m; r++) {
        type_next[r] = type_start[r];
        int size = type_start[r + 1] - type_start[r];
        if (size > 1) qsort(requests + type_start[r], size, sizeof *requests, by_amount);
        in_worklist[r] = size > 0;
        if (size > 0) worklist[pending++] = r;
    }
    /* Finish the requests that fit in work; a finished process's holdings may let other types go on. */
    while (pending > 0) {
        int r = worklist[--pending];
        in_worklist[r] = 0;
        while (type_next[r] < type_start[r + 1] && requests[type_next[r]].amount <= work[r]) {
            int p = requests[type_next[r]++].process;
            int *row = &held[(size_t)p * m];
            for (int t = 0; t < m; t++) {
                if (row[t] == 0) continue;
                work[t] += row[t];
                if (!in_worklist[t] && type_next[t] < type_start[t + 1]) {
                    in_worklist[t] = 1;
                    worklist[pending++] = t;
                }
            }
        }
    }
    int count = 0;
    for (int r = 0; r < m; r++) {
        for (int i = type_next[r]; i < type_start[r + 1]; i++) deadlocked[count++] = requests[i].process;
    }
    return count;
}
