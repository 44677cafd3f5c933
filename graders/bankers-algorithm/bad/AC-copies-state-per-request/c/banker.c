/* Expected AC: correct, but each request that passes the first two checks is tried on a copy of the
 * whole state (available, allocation and need), checked there, and applied to the real state only if
 * the copy is safe: an O(n·m) copy per request, about one extra safety pass. A constant factor the
 * performance check must allow. */
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

/* A copy of the state the banker may change (max is shared: it never changes). */
static struct bank copy_state(const struct bank *bank) {
    size_t n = (size_t)bank->n, m = (size_t)bank->m;
    struct bank copy = *bank;
    copy.available = malloc(m * sizeof *copy.available);
    copy.allocation = malloc(n * sizeof *copy.allocation);
    copy.need = malloc(n * sizeof *copy.need);
    int *cells = malloc(2 * n * m * sizeof *cells);
    memcpy(copy.available, bank->available, m * sizeof *copy.available);
    for (size_t i = 0; i < n; i++) {
        copy.allocation[i] = cells + i * m;
        copy.need[i] = cells + (n + i) * m;
        memcpy(copy.allocation[i], bank->allocation[i], m * sizeof *cells);
        memcpy(copy.need[i], bank->need[i], m * sizeof *cells);
    }
    return copy;
}

static void free_state(struct bank *copy) {
    free(copy->allocation[0]);
    free(copy->available);
    free(copy->allocation);
    free(copy->need);
}

enum decision request_resources(struct bank *bank, int p, const int *request) {
    if (!fits(request, bank->need[p], bank->m)) return DENY_NEED;
    if (!fits(request, bank->available, bank->m)) return DENY_AVAILABLE;
    struct bank trial = copy_state(bank);
    transfer(&trial, p, request, 1);
    int *order = malloc((size_t)bank->n * sizeof *order);
    int safe = safe_sequence(&trial, order);
    free(order);
    free_state(&trial);
    if (!safe) return DENY_UNSAFE;
    transfer(bank, p, request, 1);
    return GRANT;
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
