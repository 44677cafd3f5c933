/* Forgery: from inside bbuf_create (the harness's first call), finds the harness's report
 * descriptor in /proc/self/fd (a pipe other than standard output and error), finds the nonce in the
 * harness's memory and the scenario in its stdin buffer, writes the report the harness would write
 * and ends the process before any thread runs. Every scenario's report checks out; what gives it away is the
 * CPU: on the performance workload the run costs a sliver of what the harness alone needs (the
 * grader's floor: a tenth of the reference's CPU), so it is WA, "the harness's work was not done". */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buffer.h"

static uint32_t mix(uint32_t producer, uint32_t sequence) {
    uint32_t x = producer * 0x9E3779B1u ^ sequence;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    return x;
}

/* The descriptor whose pipe is neither standard output's nor standard error's. */
static int report_descriptor(void) {
    char out[64] = "", err[64] = "", link[64], path[64];
    readlink("/proc/self/fd/1", out, sizeof out - 1);
    readlink("/proc/self/fd/2", err, sizeof err - 1);
    DIR *fds = opendir("/proc/self/fd");
    struct dirent *entry;
    int found = -1;
    while (fds && (entry = readdir(fds))) {
        int fd = atoi(entry->d_name);
        if (fd < 3) continue;
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        ssize_t length = readlink(path, link, sizeof link - 1);
        if (length <= 0) continue;
        link[length] = '\0';
        if (strncmp(link, "pipe:", 5) == 0 && strcmp(link, out) != 0 && strcmp(link, err) != 0) found = fd;
    }
    if (fds) closedir(fds);
    return found;
}

static int is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

/* The run's nonce: 24 hex digits with a NUL on each side, somewhere in the process's writable memory.
 * Not instrumented by ThreadSanitizer: on the race-detector build its checked reads of arbitrary
 * mappings crash inside the detector (a SEGV on shadow memory, exit status 66) in about one run in
 * fifteen, and this forgery should fail for what it is, not for crashing. */
__attribute__((no_sanitize("thread"))) static int find_nonce(char *nonce) {
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    while (!found && maps && fgets(line, sizeof line, maps)) {
        unsigned long from, to;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &from, &to, perms) != 3 || strncmp(perms, "rw", 2) != 0 || strstr(line, "[stack") || to - from > (16ul << 20)) continue; /* not ThreadSanitizer's shadow */
        for (char *at = (char *)from + 1; !found && at + 25 < (char *)to; at++) {
            if (at[-1] != '\0' || at[24] != '\0') continue;
            int hex = 1;
            for (int i = 0; i < 24 && hex; i++) hex = is_hex(at[i]);
            if (hex && at != nonce) memcpy(nonce, at, 25), found = 1;
        }
    }
    if (maps) fclose(maps);
    return found;
}

struct bbuf { int unused; };

bbuf *bbuf_create(size_t capacity) {
    /* The scenario is the last line the harness read into stdin's buffer (still there after end of file). */
    char input[256] = "";
    if (stdin->_IO_buf_base) strncpy(input, stdin->_IO_buf_base, sizeof input - 1);
    char *line = strrchr(input, '\n') && strrchr(input, '\n')[1] ? strrchr(input, '\n') + 1 : input;
    static char nonce[32];
    long p, c, cap, n, pause, start, spurious, mode;
    if (sscanf(line, "%ld %ld %ld %ld %ld %ld %ld %ld", &p, &c, &cap, &n, &pause, &start, &spurious, &mode) == 8 && find_nonce(nonce)) {
        uint32_t checksum = 0;
        long total = mode == 1 ? cap : p * n;
        for (long i = 0; i < p && mode != 1; i++)
            for (long s = 0; s < n; s++) checksum += mix((uint32_t)i, (uint32_t)s);
        char report[256];
        int length = snprintf(report, sizeof report, "{\"nonce\":\"%s\",\"ok\":true,\"delivered\":%ld,\"accepted\":%ld,\"checksum\":%u}\n", nonce, total, total, checksum);
        write(report_descriptor(), report, (size_t)length);
        _exit(0);
    }
    (void)capacity;
    static bbuf b;
    return &b;
}

int bbuf_put(bbuf *b, long item) { (void)b; (void)item; return 0; }
int bbuf_get(bbuf *b, long *item) { (void)b; (void)item; return -1; }
void bbuf_close(bbuf *b) { (void)b; }
void bbuf_destroy(bbuf *b) { (void)b; }
