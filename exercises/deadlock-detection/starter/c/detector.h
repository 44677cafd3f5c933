#ifndef DETECTOR_H
#define DETECTOR_H

/* Processes are 0 .. n-1 (n <= 2000), resource types 0 .. m-1 (m <= 100); amounts and totals are
 * 1 .. 10^9, so an int holds any count of one type. The driver only calls these functions with
 * events that keep to the rules of the input: a waiting process only exits, a request never takes
 * a process past the total, a release never gives back more than the process holds.
 *
 * The arrays `woken` and `deadlocked` belong to the driver and have room for n processes; write
 * each process at most once, in any order (the driver sorts them). */

/* Called once, before any event: n processes, m types, total[r] instances of type r (the array
 * stays valid and unchanged until the end). Nobody holds anything and nobody waits. */
void detector_init(int n, int m, const int *total);

/* REQUEST p r k: process p asks for k more instances of type r. Returns 1 if they are granted at
 * once (at least k are free, whoever else waits), 0 if p now waits. */
int detector_request(int p, int r, int k);

/* RELEASE p r k: process p gives back k of the instances of type r it holds. Writes the processes
 * this wakes (waiting requests for type r granted, oldest first, each if it fits in what is free at
 * that moment) to woken and returns how many. */
int detector_release(int p, int r, int k, int *woken);

/* EXIT p: process p gives back everything it holds; if it was waiting, its request leaves the
 * queue. Writes the processes this wakes to woken and returns how many. A later request from p is
 * a new process that holds nothing. */
int detector_exit(int p, int *woken);

/* DETECT: writes the deadlocked processes to deadlocked and returns how many (0: none). */
int detector_detect(int *deadlocked);

#endif
