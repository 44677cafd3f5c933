#ifndef BANKER_H
#define BANKER_H

/* The banker's view of the system: n processes and m resource types. Row i of max, allocation and
 * need belongs to process i; entry j of a row to resource type j. */
struct bank {
    int n, m;
    int *available;   /* [m]: free instances of each resource type */
    int **max;        /* [n][m]: the most each process declared it may ever hold */
    int **allocation; /* [n][m]: what each process holds now */
    int **need;       /* [n][m]: max - allocation; keep it up to date when allocation changes */
};

enum decision { GRANT, DENY_NEED, DENY_AVAILABLE, DENY_UNSAFE };

/* Process p asks for request[0..m-1] more. Checks, in this order: more than its need (DENY_NEED),
 * more than is available (DENY_AVAILABLE), a state after granting that is unsafe (DENY_UNSAFE).
 * On GRANT, updates available, allocation and need; on a denial, leaves the state as it was. */
enum decision request_resources(struct bank *bank, int p, const int *request);

/* Process p gives back release[0..m-1]. Returns 0, or -1 (and changes nothing) if p holds less
 * than that of some resource type. */
int release_resources(struct bank *bank, int p, const int *release);

/* If the state is safe, writes a safe sequence (every process exactly once, in an order in which
 * each can finish) to order[0..n-1] and returns 1; otherwise returns 0. Changes nothing in bank. */
int safe_sequence(const struct bank *bank, int *order);

#endif
