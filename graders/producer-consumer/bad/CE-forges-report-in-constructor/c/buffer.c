/* Forgery: a constructor runs before the harness's main, reads the scenario from stdin, writes the
 * report the harness would write (on the descriptor it would use) and ends the process before the
 * harness runs at all. Refused on the compiled object: a link exercise's code may not carry
 * constructors, destructors or init arrays. */
#include <stdint.h>
#include <stdio.h>
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

__attribute__((constructor)) static void forge(void) {
    char nonce[80];
    long p, c, capacity, n, pause, start, spurious, mode;
    if (scanf("%79s %ld %ld %ld %ld %ld %ld %ld %ld", nonce, &p, &c, &capacity, &n, &pause, &start, &spurious, &mode) != 9) return;
    uint32_t checksum = 0;
    long total = mode == 1 ? capacity : p * n;
    for (long i = 0; i < p && mode != 1; i++)
        for (long s = 0; s < n; s++) checksum += mix((uint32_t)i, (uint32_t)s);
    char report[256];
    int length = snprintf(report, sizeof report, "{\"nonce\":\"%s\",\"ok\":true,\"delivered\":%ld,\"accepted\":%ld,\"checksum\":%u}\n", nonce, total, total, checksum);
    write(1, report, (size_t)length);
    _exit(0);
}

struct bbuf { int unused; };
bbuf *bbuf_create(size_t capacity) { (void)capacity; static bbuf b; return &b; }
int bbuf_put(bbuf *b, long item) { (void)b; (void)item; return 0; }
int bbuf_get(bbuf *b, long *item) { (void)b; (void)item; return -1; }
void bbuf_close(bbuf *b) { (void)b; }
void bbuf_destroy(bbuf *b) { (void)b; }
