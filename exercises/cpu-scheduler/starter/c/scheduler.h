#ifndef SCHEDULER_H
#define SCHEDULER_H

#include <stddef.h>
#include <stdint.h>

typedef enum { FCFS, SJF, SRTF, RR, PRIORITY } algorithm;

/* One process of the workload. Times are int64_t: they reach 10^9 + 10^11. */
typedef struct {
    int pid;         /* 1 .. n, the process's place in the input */
    int64_t arrival; /* 0 .. 10^9 */
    int64_t burst;   /* 1 .. 10^6 units of CPU in all */
    int priority;    /* 0 .. 1000, a smaller number meaning a higher priority (PRIORITY only) */
} process;

typedef struct {
    algorithm algorithm;
    int64_t parameter;         /* the quantum (RR) or the aging (PRIORITY), 1 .. 10^6; 0 otherwise */
    size_t n;                  /* 1 .. 100000 */
    const process *processes;  /* n of them, in input order: processes[i].pid == i + 1 */
} scenario;

/* Reports that process `pid` had the CPU from `start` to `end` (start < end). */
typedef void (*run_fn)(void *ctx, int pid, int64_t start, int64_t end);

/* Schedules one scenario, reporting its runs in time order with run(ctx, pid, start, end). A
 * stretch may be split into several runs (the driver joins them); idle time is never reported. */
void schedule(const scenario *s, run_fn run, void *ctx);

#endif
