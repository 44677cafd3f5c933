/* Known bad: a grant moves the amounts from available to the allocation but leaves the need as it
 * was, so the safety check that follows still sees the old need (and the process may later ask again
 * for what it already got). Caught by example 1: its first request (line 2) is answered DENY UNSAFE. */
#include <stdlib.h>
#include <string.h>
#include "banker.h"

static int fits(const int *amounts, const int *limit, int m) {
    for (int j = 0; j < m; j++)
        if (amounts[j] > limit[j]) return 0;
    return 1;
}

/* Moves amounts from the free pool to process p (sign 1) or back (sign -1). */
static void transfer(struct bank *bank, int p, const int *amounts, int sign) {
    for (int j = 0; j < bank->m; j++) {
        bank->available[j] -= sign * amounts[j];
        bank->allocation[p][j] += sign * amounts[j];
        bank->need[p][j] -= sign * amounts[j];
    }
}

enum decision request_resources(struct bank *bank, int p, const int *request) {
    if (!fits(request, bank->need[p], bank->m)) return DENY_NEED;
    if (!fits(request, bank->available, bank->m)) return DENY_AVAILABLE;
    /* Pretend to grant: the process holds more, and less is free. */
    for (int j = 0; j < bank->m; j++) {
        bank->available[j] -= request[j];
        bank->allocation[p][j] += request[j];
    }
    int *order = malloc((size_t)bank->n * sizeof *order);
    int safe = safe_sequence(bank, order);
    free(order);
    if (safe) return GRANT;
    for (int j = 0; j < bank->m; j++) {
        bank->available[j] += request[j];
        bank->allocation[p][j] -= request[j];
    }
    return DENY_UNSAFE;
}

int release_resources(struct bank *bank, int p, const int *release) {
    if (!fits(release, bank->allocation[p], bank->m)) return -1;
    transfer(bank, p, release, -1);
    return 0;
}

int safe_sequence(const struct bank *bank, int *order) {
    int n = bank->n, m = bank->m, finished = 0, waiting = n;
    int *work = malloc((size_t)m * sizeof *work);
    int *queue = malloc((size_t)n * sizeof *queue);
    memcpy(work, bank->available, (size_t)m * sizeof *work);
    for (int i = 0; i < n; i++) queue[i] = i;
    while (waiting > 0) {
        int still = 0;
        for (int k = 0; k < waiting; k++) {
            int p = queue[k];
            if (!fits(bank->need[p], work, m)) {
                queue[still++] = p;
                continue;
            }
            for (int j = 0; j < m; j++) work[j] += bank->allocation[p][j];
            order[finished++] = p;
        }
        if (still == waiting) break;
        waiting = still;
    }
    free(work);
    free(queue);
    return finished == n;
}
