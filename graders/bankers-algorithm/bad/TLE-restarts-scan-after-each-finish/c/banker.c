/* Known bad (slow): the textbook's "find an index i such that..." read literally: after every process
 * that finishes, scan again from process 0, rechecking all the waiting ones: O(n^2 * m) a check. */
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
    if (!fits(release, bank->allocation[p], bank->m)) return -1;
    transfer(bank, p, release, -1);
    return 0;
}

int safe_sequence(const struct bank *bank, int *order) {
    int n = bank->n, m = bank->m, count = 0;
    int *work = malloc((size_t)m * sizeof *work);
    char *finished = calloc((size_t)n, 1);
    memcpy(work, bank->available, (size_t)m * sizeof *work);
    while (count < n) {
        int found = 0;
        for (int p = 0; p < n; p++) {
            if (finished[p] || !fits(bank->need[p], work, m)) continue;
            for (int j = 0; j < m; j++) work[j] += bank->allocation[p][j];
            finished[p] = 1;
            order[count++] = p;
            found = 1;
            break;
        }
        if (!found) break;
    }
    free(work);
    free(finished);
    return count == n;
}
