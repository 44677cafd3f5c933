/* Known bad: SRTF preempts the running process on equal remaining time (<=); the statement has the
 * running process keep the CPU on a tie, a newcomer preempting only with strictly less. */
#include <stdio.h>
#include <stdlib.h>
#include "scheduler.h"

static void *allocate(size_t count, size_t size) {
    void *memory = malloc(count * size);
    if (!memory) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return memory;
}

static int by_arrival(const void *a, const void *b) {
    const process *p = *(const process *const *)a, *q = *(const process *const *)b;
    if (p->arrival != q->arrival) return p->arrival < q->arrival ? -1 : 1;
    return p->pid - q->pid;
}

/* A ready process: ordered by key, then by when it became ready, then by number. */
typedef struct {
    int64_t key, ready;
    int pid;
} entry;

typedef struct {
    entry *items;
    size_t size;
} heap;

static int before(const entry *a, const entry *b) {
    if (a->key != b->key) return a->key < b->key;
    if (a->ready != b->ready) return a->ready < b->ready;
    return a->pid < b->pid;
}

static void heap_push(heap *h, entry e) {
    size_t i = h->size++;
    while (i > 0 && before(&e, &h->items[(i - 1) / 2])) {
        h->items[i] = h->items[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->items[i] = e;
}

static entry heap_pop(heap *h) {
    entry top = h->items[0], last = h->items[--h->size];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= h->size) break;
        if (child + 1 < h->size && before(&h->items[child + 1], &h->items[child])) child++;
        if (!before(&h->items[child], &last)) break;
        h->items[i] = h->items[child];
        i = child;
    }
    h->items[i] = last;
    return top;
}

/* The key of p, with `remaining` units left, as a process that became ready at `since`. The running
 * process competes with the key it would wait with from now on: its remaining time (SRTF), or its
 * own priority (PRIORITY: priority - (t - since) / aging is ordered as priority * aging + since, a
 * key that does not change while the process waits, and exact in 64 bits). */
static int64_t key(const scenario *s, const process *p, int64_t remaining, int64_t since) {
    switch (s->algorithm) {
    case SJF: return p->burst;
    case SRTF: return remaining;
    default: return p->priority * s->parameter + since;
    }
}

static void first_come_first_served(const scenario *s, const process **order, run_fn run, void *ctx) {
    int64_t now = 0;
    for (size_t i = 0; i < s->n; i++) {
        const process *p = order[i];
        if (now < p->arrival) now = p->arrival;
        run(ctx, p->pid, now, now + p->burst);
        now += p->burst;
    }
}

/* SJF, SRTF and PRIORITY. Decision points are the arrivals and the finishes; the preemptive ones
 * can only preempt at an arrival, the one moment the best waiting process can change for the
 * better. */
static void from_heap(const scenario *s, const process **order, run_fn run, void *ctx) {
    size_t n = s->n, next = 0;
    int preemptive = s->algorithm != SJF;
    heap ready = {allocate(n, sizeof(entry)), 0};
    int64_t *remaining = allocate(n + 1, sizeof *remaining); /* by pid: what a waiting process has left */
    for (size_t i = 0; i < n; i++) remaining[s->processes[i].pid] = s->processes[i].burst;
    const process *running = NULL;
    int64_t now = 0, left = 0, started = 0; /* the running process's remaining time, and its run's start */
    for (;;) {
        /* Every arrival of this moment has arrived before the CPU is (re)assigned. */
        while (next < n && order[next]->arrival <= now) {
            const process *p = order[next++];
            heap_push(&ready, (entry){key(s, p, p->burst, now), now, p->pid});
        }
        if (!running) {
            if (ready.size == 0) {
                if (next == n) break;
                now = order[next]->arrival; /* idle until then */
                continue;
            }
            running = &s->processes[heap_pop(&ready).pid - 1];
            left = remaining[running->pid];
            started = now;
        } else if (preemptive && ready.size > 0 &&
                   (s->algorithm == SRTF ? ready.items[0].key <= left
                                         : ready.items[0].key < key(s, running, left, now))) {
            /* SRTF: no longer than what the running one has left; PRIORITY: strictly better. The preempted
             * one is ready from now. */
            run(ctx, running->pid, started, now);
            remaining[running->pid] = left;
            const process *preempted = running;
            running = &s->processes[heap_pop(&ready).pid - 1];
            heap_push(&ready, (entry){key(s, preempted, left, now), now, preempted->pid});
            left = remaining[running->pid];
            started = now;
        }
        int64_t next_arrival = next < n ? order[next]->arrival : INT64_MAX;
        if (now + left <= next_arrival) {
            /* It finishes first, or as the next process arrives: they both reach the next choice. */
            now += left;
            run(ctx, running->pid, started, now);
            running = NULL;
        } else {
            left -= next_arrival - now;
            now = next_arrival;
        }
    }
    free(ready.items);
    free(remaining);
}

static void round_robin(const scenario *s, const process **order, run_fn run, void *ctx) {
    size_t n = s->n, next = 0;
    /* A circular FIFO: a process is queued at most once at a time, so n slots are enough. */
    const process **queue = allocate(n, sizeof *queue);
    size_t head = 0, queued = 0;
    int64_t *remaining = allocate(n + 1, sizeof *remaining); /* by pid */
    for (size_t i = 0; i < n; i++) remaining[s->processes[i].pid] = s->processes[i].burst;
    int64_t now = 0, quantum = s->parameter;
    while (next < n || queued > 0) {
        if (queued == 0 && now < order[next]->arrival) now = order[next]->arrival; /* idle until then */
        while (next < n && order[next]->arrival <= now) queue[(head + queued++) % n] = order[next++];
        const process *p = queue[head];
        head = (head + 1) % n;
        queued--;
        int64_t started = now;
        for (;;) {
            int64_t slice = remaining[p->pid] < quantum ? remaining[p->pid] : quantum;
            now += slice;
            remaining[p->pid] -= slice;
            /* Arrivals up to and including the quantum's end join the queue before p goes back. */
            while (next < n && order[next]->arrival <= now) queue[(head + queued++) % n] = order[next++];
            if (remaining[p->pid] == 0) break;
            if (queued > 0) {
                queue[(head + queued++) % n] = p;
                break;
            }
            /* Nobody waits: p runs on for another quantum, on the same line of the timeline. */
        }
        run(ctx, p->pid, started, now);
    }
    free(queue);
    free(remaining);
}

void schedule(const scenario *s, run_fn run, void *ctx) {
    const process **order = allocate(s->n, sizeof *order);
    for (size_t i = 0; i < s->n; i++) order[i] = &s->processes[i];
    qsort(order, s->n, sizeof *order, by_arrival);
    switch (s->algorithm) {
    case FCFS: first_come_first_served(s, order, run, ctx); break;
    case RR: round_robin(s, order, run, ctx); break;
    default: from_heap(s, order, run, ctx); break;
    }
    free(order);
}
