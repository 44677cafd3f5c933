/* The driver: reads the TLB size and the operations, calls your MMU once per operation, and prints
 * a line for each and the totals. Input and output go through large buffers: tests have a million
 * operations. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mmu.h"

#define MAX_OPERATIONS 1000000

enum { OP_MAP, OP_UNMAP, OP_PROTECT, OP_READ, OP_WRITE, OP_EXEC };

typedef struct {
    unsigned char kind, perms;
    uint32_t value; /* the page, or the address */
    uint32_t frame;
} operation;

static unsigned char in_buf[1 << 20];
static size_t in_len, in_pos;
static char out_buf[1 << 20];
static size_t out_len;

static int next_byte(void) {
    if (in_pos == in_len) {
        in_len = fread(in_buf, 1, sizeof in_buf, stdin);
        in_pos = 0;
        if (in_len == 0) return EOF;
    }
    return in_buf[in_pos++];
}

/* The white space Python's bytes.split() skips, so that the three drivers read the same tokens. */
static int is_space(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

/* The next white-space-separated token into `token` (at most size - 1 bytes); its full length, 0 at
 * end of input. */
static size_t next_token(char *token, size_t size) {
    int c;
    size_t n = 0;
    do c = next_byte(); while (is_space(c));
    while (c != EOF && !is_space(c)) {
        if (n < size - 1) token[n] = (char)c;
        n++;
        c = next_byte();
    }
    token[n < size - 1 ? n : size - 1] = '\0';
    return n;
}

/* The next token as a decimal integer in [min, max], or -1. */
static long next_integer(long min, long max) {
    char token[16];
    size_t n = next_token(token, sizeof token);
    if (n == 0 || n >= sizeof token) return -1;
    long value = 0;
    for (size_t i = 0; i < n; i++) {
        if (token[i] < '0' || token[i] > '9') return -1;
        value = value * 10 + (token[i] - '0');
    }
    return value >= min && value <= max ? value : -1;
}

/* The next token as 0x and exactly `digits` lowercase hex digits into *value; 0 if it is not. */
static int next_hex(int digits, uint32_t *value) {
    char token[16];
    size_t n = next_token(token, sizeof token);
    if (n != (size_t)digits + 2 || token[0] != '0' || token[1] != 'x') return 0;
    uint32_t v = 0;
    for (int i = 2; i < digits + 2; i++) {
        char c = token[i];
        if (c >= '0' && c <= '9') v = v << 4 | (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v = v << 4 | (uint32_t)(c - 'a' + 10);
        else return 0;
    }
    *value = v;
    return 1;
}

/* The next token as permissions (r or -, w or -, x or -) into *perms; 0 if it is not. */
static int next_perms(unsigned char *perms) {
    char token[8];
    size_t n = next_token(token, sizeof token);
    if (n != 3 || (token[0] != 'r' && token[0] != '-') || (token[1] != 'w' && token[1] != '-') || (token[2] != 'x' && token[2] != '-')) return 0;
    *perms = (unsigned char)((token[0] == 'r' ? PERM_R : 0) | (token[1] == 'w' ? PERM_W : 0) | (token[2] == 'x' ? PERM_X : 0));
    return 1;
}

/* Malformed input ends the run with a message on standard output and status 0, so that running
 * your own input shows the message next to the reference's identical one. */
static int invalid(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("invalid input: ", stdout);
    vprintf(format, args);
    putchar('\n');
    va_end(args);
    return 0;
}

static void flush_out(void) {
    fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
}

static void put_string(const char *s) {
    size_t n = strlen(s);
    if (out_len + n > sizeof out_buf) flush_out();
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

static void put_integer(long value) {
    char digits[24];
    int n = 0;
    if (value < 0) {
        put_string("-");
        value = -value;
    }
    do digits[n++] = (char)('0' + value % 10); while ((value /= 10) > 0);
    char text[24];
    for (int i = 0; i < n; i++) text[i] = digits[n - 1 - i];
    text[n] = '\0';
    put_string(text);
}

/* "0x" and the address in eight lowercase hex digits. */
static void put_address(uint32_t address) {
    static const char hex[] = "0123456789abcdef";
    char text[11] = "0x";
    for (int i = 0; i < 8; i++) text[2 + i] = hex[address >> (28 - 4 * i) & 0xf];
    text[10] = '\0';
    put_string(text);
}

/* What operation `number` must look like: the message for a malformed one. */
static const char *const SHAPES = "map <page> <frame> <perms>, unmap <page>, protect <page> <perms>, read <address>, write <address> or exec <address>";

static int read_operation(long number, operation *o) {
    char name[8];
    size_t length = next_token(name, sizeof name);
    static const char *const names[] = {"map", "unmap", "protect", "read", "write", "exec"};
    int kind = -1;
    for (int i = 0; i < 6; i++) {
        if (length == strlen(names[i]) && strcmp(name, names[i]) == 0) kind = i;
    }
    if (kind < 0) return invalid("operation %ld must be %s", number, SHAPES);
    o->kind = (unsigned char)kind;
    if (kind >= OP_READ) {
        if (!next_hex(8, &o->value)) return invalid("operation %ld: an address is 0x and eight lowercase hex digits (0x00000000 to 0xffffffff)", number);
        return 1;
    }
    if (!next_hex(5, &o->value) || (kind == OP_MAP && !next_hex(5, &o->frame))) {
        return invalid("operation %ld: a page or frame number is 0x and five lowercase hex digits (0x00000 to 0xfffff)", number);
    }
    if ((kind == OP_MAP || kind == OP_PROTECT) && !next_perms(&o->perms)) {
        return invalid("operation %ld: permissions are three characters: r or -, w or -, x or - (like rw- or r-x)", number);
    }
    return 1;
}

int main(void) {
    long tlb_entries = next_integer(1, MAX_TLB_ENTRIES);
    long count = next_integer(0, MAX_OPERATIONS);
    if (tlb_entries < 0 || count < 0) {
        return invalid("the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)");
    }
    /* Everything is read and checked before the MMU runs: bad input prints nothing else. */
    operation *operations = malloc(((size_t)count + 1) * sizeof *operations);
    if (!operations) return 1;
    for (long i = 0; i < count; i++) {
        if (!read_operation(i + 1, &operations[i])) return 0;
    }
    char extra[2];
    if (next_token(extra, sizeof extra) > 0) return invalid("there are more operations than the first line says (%ld)", count);

    mmu *m = mmu_create((int)tlb_entries);
    if (!m) return 1;
    static const int needs[] = {[OP_READ] = PERM_R, [OP_WRITE] = PERM_W, [OP_EXEC] = PERM_X};
    long accesses = 0, hits = 0, not_present = 0, protection = 0, peak = 0;
    for (long i = 0; i < count; i++) {
        const operation *o = &operations[i];
        switch (o->kind) {
        case OP_MAP:
            put_string(mmu_map(m, o->value, o->frame, o->perms) ? "remapped tables=" : "mapped tables=");
            break;
        case OP_UNMAP:
            if (!mmu_unmap(m, o->value)) {
                put_string("not-mapped\n");
                continue;
            }
            put_string("unmapped tables=");
            break;
        case OP_PROTECT:
            put_string(mmu_protect(m, o->value, o->perms) ? "protected\n" : "not-mapped\n");
            continue;
        default: {
            access_result r = mmu_access(m, o->value, needs[o->kind]);
            if (r.outcome != TRANSLATED && r.outcome != NOT_PRESENT && r.outcome != PROTECTION) {
                /* What came before, then the message, status 0, like malformed input. */
                flush_out();
                printf("invalid result: operation %ld: the outcome is none of translated, not-present and protection\n", i + 1);
                return 0;
            }
            accesses++;
            hits += r.tlb_hit != 0;
            put_string(r.tlb_hit ? "hit " : "miss ");
            if (r.outcome == TRANSLATED) put_address(r.physical);
            else if (r.outcome == NOT_PRESENT) put_string("not-present"), not_present++;
            else put_string("protection"), protection++;
            put_string("\n");
            continue;
        }
        }
        /* A map or an unmap that changed the table: the tables in use after it. */
        long tables = mmu_tables(m);
        if (tables > peak) peak = tables;
        put_integer(tables);
        put_string("\n");
    }
    put_string("TOTAL accesses=");
    put_integer(accesses);
    put_string(" hits=");
    put_integer(hits);
    put_string(" misses=");
    put_integer(accesses - hits);
    put_string(" not-present=");
    put_integer(not_present);
    put_string(" protection=");
    put_integer(protection);
    put_string(" tables=");
    put_integer(mmu_tables(m));
    put_string(" peak=");
    put_integer(peak);
    put_string("\n");
    flush_out();
    mmu_destroy(m);
    free(operations);
    return 0;
}
