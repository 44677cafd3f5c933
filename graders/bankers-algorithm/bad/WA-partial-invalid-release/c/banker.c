/* Known bad: a release returns the resources type by type and stops at the first type that exceeds
 * what the process holds, keeping the earlier types' changes: an INVALID release changes the state.
 * Caught by the hidden test "exact fits" (an over-release in the last type, after which a release
 * that should be OK is INVALID). */
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
    transfer(bank, p, request, 1);
    int *order = malloc((size_t)bank->n * sizeof *order);
    int safe = safe_sequence(bank, order);
    free(order);
    if (safe) return GRANT;
    transfer(bank, p, request, -1);
    return DENY_UNSAFE;
}

int release_resources(struct bank *bank, int p, const int *release) {
    for (int j = 0; j < bank->m; j++) {
        if (release[j] > bank->allocation[p][j]) return -1;
        bank->available[j] += release[j];
        bank->allocation[p][j] -= release[j];
        bank->need[p][j] += release[j];
    }
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
