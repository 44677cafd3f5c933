/* The spec the driver (main.c) reads and checks, and the function you write in supervisor.c. */
#ifndef SUPERVISOR_H
#define SUPERVISOR_H

#define MAX_CHILDREN 32
#define MAX_NAME 16
#define MAX_COMMAND 4000

enum policy { ALWAYS, ON_FAILURE, NEVER };

struct child_spec {
    char name[MAX_NAME + 1];        /* 1 to 16 of a-z, 0-9, - ; all different */
    enum policy policy;
    char command[MAX_COMMAND + 1];  /* a line of shell, for /bin/sh -c */
};

struct spec {
    int backoff_initial_ms, backoff_max_ms; /* 10 to 10,000, initial <= max */
    int grace_ms;                           /* 10 to 10,000 */
    int count;                              /* 1 to MAX_CHILDREN */
    struct child_spec children[MAX_CHILDREN];
};

/* Starts the children, reaps them, restarts them as their policies say, and stops them all on
 * SIGTERM or SIGINT; prints its lines on standard output as they happen (see the statement).
 * Returns the program's exit status: 0 once every child has ended and none will restart. */
int supervise(const struct spec *spec);

#endif
