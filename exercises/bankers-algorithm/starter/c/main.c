/* The driver: reads the system state and the operations from standard input, calls your
 * request_resources, release_resources and safe_sequence (banker.c) for each, and prints the answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "banker.h"

#define MAX_VALUE 1000000000L

static char *input;
static size_t length, at;

static void read_input(void) {
    size_t capacity = 1 << 20;
    input = malloc(capacity);
    for (size_t got; input && (got = fread(input + length, 1, capacity - length, stdin)) > 0;) {
        length += got;
        if (length == capacity) input = realloc(input, capacity *= 2);
    }
    if (!input) {
        fputs("out of memory reading the input\n", stderr);
        exit(2);
    }
}

static void bad_input(const char *expected) {
    fprintf(stderr, "Invalid input at byte %zu: expected %s.\n", at, expected);
    exit(2);
}

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* The next white-space-separated token; its length in *size. */
static const char *token(size_t *size) {
    while (at < length && is_space(input[at])) at++;
    size_t start = at;
    while (at < length && !is_space(input[at])) at++;
    *size = at - start;
    return input + start;
}

static long number(const char *what, long min, long max) {
    size_t size;
    const char *text = token(&size);
    long value = 0;
    if (size == 0 || size > 10) bad_input(what);
    for (size_t i = 0; i < size; i++) {
        if (text[i] < '0' || text[i] > '9') bad_input(what);
        value = value * 10 + (text[i] - '0');
    }
    if (value < min || value > max) bad_input(what);
    return value;
}

static void read_vector(int *vector, int m, const char *what) {
    for (int j = 0; j < m; j++) vector[j] = (int)number(what, 0, MAX_VALUE);
}

static int **matrix(int n, int m) {
    int **rows = malloc((size_t)n * sizeof *rows);
    int *cells = malloc((size_t)n * (size_t)m * sizeof *cells);
    if (!rows || !cells) bad_input("a smaller system (out of memory)");
    for (int i = 0; i < n; i++) rows[i] = cells + (size_t)i * (size_t)m;
    return rows;
}

static int keyword(const char *word) {
    size_t size;
    const char *text = token(&size);
    return size == strlen(word) && memcmp(text, word, size) == 0;
}

int main(void) {
    static const char *const decisions[] = {"GRANT", "DENY NEED", "DENY AVAILABLE", "DENY UNSAFE"};
    read_input();
    struct bank bank;
    bank.n = (int)number("the number of processes n >= 1", 1, 1000000);
    bank.m = (int)number("the number of resource types m >= 1", 1, 1000000);
    if ((long)bank.n * bank.m > 1000000) bad_input("n * m <= 1,000,000");
    int n = bank.n, m = bank.m;
    bank.available = malloc((size_t)m * sizeof *bank.available);
    bank.max = matrix(n, m);
    bank.allocation = matrix(n, m);
    bank.need = matrix(n, m);
    read_vector(bank.available, m, "an available amount (0 to 1,000,000,000)");
    for (int i = 0; i < n; i++) read_vector(bank.max[i], m, "a maximum (0 to 1,000,000,000)");
    for (int i = 0; i < n; i++) read_vector(bank.allocation[i], m, "an allocation (0 to 1,000,000,000)");
    for (int j = 0; j < m; j++) {
        long total = bank.available[j];
        for (int i = 0; i < n; i++) {
            if (bank.allocation[i][j] > bank.max[i][j]) bad_input("allocations no larger than maxima");
            bank.need[i][j] = bank.max[i][j] - bank.allocation[i][j];
            total += bank.allocation[i][j];
        }
        if (total > MAX_VALUE) bad_input("at most 1,000,000,000 of each resource type in all");
    }

    long operations = number("the number of operations", 0, 100000000);
    int *amounts = malloc((size_t)m * sizeof *amounts);
    int *order = malloc((size_t)n * sizeof *order);
    static char buffer[1 << 16];
    setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    for (long k = 0; k < operations; k++) {
        size_t before = at;
        if (keyword("SAFE?")) {
            if (!safe_sequence(&bank, order)) {
                puts("UNSAFE");
                continue;
            }
            fputs("SAFE", stdout);
            for (int i = 0; i < n; i++) printf(" %d", order[i]);
            putchar('\n');
            continue;
        }
        at = before;
        int request = keyword("REQUEST");
        if (!request) {
            at = before;
            if (!keyword("RELEASE")) bad_input("REQUEST, RELEASE or SAFE?");
        }
        int p = (int)number("a process number (0 to n - 1)", 0, n - 1);
        read_vector(amounts, m, "an amount (0 to 1,000,000,000)");
        if (request) {
            enum decision decision = request_resources(&bank, p, amounts);
            puts((unsigned)decision <= DENY_UNSAFE ? decisions[decision] : "(not a decision)");
        } else {
            puts(release_resources(&bank, p, amounts) == 0 ? "OK" : "INVALID");
        }
    }
    size_t size;
    token(&size);
    if (size != 0) bad_input("the end of the input after the last operation");
    return 0;
}
