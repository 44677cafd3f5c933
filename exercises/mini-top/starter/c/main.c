/* mini-top: top's process table and docker stats' container line from two snapshots of /proc and
 * a container's cgroup files (see the statement for the exact input and output). The whole program
 * is yours: this one reads the input and walks its files, and computes nothing yet. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    /* The input can be tens of megabytes: read it whole. */
    size_t cap = 1 << 20, len = 0, got;
    char *input = malloc(cap + 1);
    while ((got = fread(input + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) input = realloc(input, (cap *= 2) + 1);
    }
    input[len] = '\0';

    long hertz = 0, page_size = 0, cpus = 0;
    unsigned long long mem_total = 0;
    int snapshot = 0;
    const char *file = "";
    for (char *line = strtok(input, "\n"); line; line = strtok(NULL, "\n")) { /* strtok skips empty lines */
        if (sscanf(line, "hertz %ld", &hertz) == 1 || sscanf(line, "pagesize %ld", &page_size) == 1 ||
            sscanf(line, "cpus %ld", &cpus) == 1 || sscanf(line, "memtotal %llu", &mem_total) == 1)
            continue;
        if (sscanf(line, "snapshot %d", &snapshot) == 1) continue;
        if (strncmp(line, "==> ", 4) == 0) {
            file = line + 4; /* "/proc/1204/stat <==" */
            continue;
        }
        /* TODO: the exercise. `line` is a line of `file` in snapshot `snapshot`: read the cpu line,
         * each process's stat line (the comm ends at the LAST ')') and status fields, and the cgroup
         * files; then match the snapshots' processes, compute the table and print it. */
        (void)file;
    }
    return 0;
}
