#ifndef DISK_H
#define DISK_H

#include <stddef.h>
#include <stdint.h>

typedef enum { FCFS, SSTF, SCAN, C_SCAN, LOOK, C_LOOK } algorithm;
typedef enum { DOWN = -1, UP = 1 } direction;

typedef struct {
    algorithm algorithm;
    int64_t cylinders;        /* the disk's cylinders are 0 .. cylinders - 1 (1 .. 10^6 of them) */
    int64_t head;             /* where the head starts, 0 .. cylinders - 1 */
    direction direction;      /* the way it is moving: UP toward cylinders - 1, DOWN toward 0 */
    size_t n;                 /* 1 .. 10^6 requests */
    const int64_t *requests;  /* requests[i] is the cylinder of request i + 1, in input order */
} scenario;

/* Moves the head to request k's cylinder (k = 1 .. n) and serves request k. */
void serve(int k);

/* Moves the head to `cylinder` without serving anything (SCAN's and C-SCAN's trips to the edges). */
void seek(int64_t cylinder);

/* Schedules one scenario: serves every request exactly once, with serve and seek, in the order
 * and along the path the algorithm takes. The driver counts every cylinder the head moves. */
void schedule(const scenario *s);

#endif
