/* The harness's report to the grader: see report.h. */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "report.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;
static char nonce[128];
static char error[1024];
static atomic_int failed;
static int sent;
/* The figures, already written as JSON members (",\"name\":value"). */
static char figures[8192];
static size_t figures_length;

static void die(const char *why) {
    fprintf(stderr, "harness: %s\n", why);
    exit(2);
}

void report_begin(void) {
    int descriptor = dup(STDOUT_FILENO);
    if (descriptor < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0 || !(out = fdopen(descriptor, "w"))) die("cannot set up the report");
    if (!fgets(nonce, sizeof nonce, stdin)) die("no nonce");
    nonce[strcspn(nonce, "\r\n")] = '\0';
    for (const char *c = nonce; *c; c++) {
        if (!(*c >= '0' && *c <= '9') && !(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') && *c != '-') die("bad nonce");
    }
}

/* Appends `text` to `into` (of `size` bytes, `*length` used) as a JSON string. */
static void append_string(char *into, size_t size, size_t *length, const char *text) {
    if (*length + 1 < size) into[(*length)++] = '"';
    for (const unsigned char *c = (const unsigned char *)text; *c && *length + 7 < size; c++) {
        if (*c == '"' || *c == '\\') *length += (size_t)snprintf(into + *length, size - *length, "\\%c", *c);
        else if (*c < 0x20) *length += (size_t)snprintf(into + *length, size - *length, "\\u%04x", *c);
        else into[(*length)++] = (char)*c;
    }
    if (*length + 1 < size) into[(*length)++] = '"';
    into[*length] = '\0';
}

void report_fail(const char *format, ...) {
    /* After the first failure, a failing run's hot paths pay one atomic load. */
    if (atomic_load(&failed)) return;
    pthread_mutex_lock(&lock);
    if (!atomic_load(&failed)) {
        va_list args;
        va_start(args, format);
        vsnprintf(error, sizeof error, format, args);
        va_end(args);
        atomic_store(&failed, 1);
    }
    pthread_mutex_unlock(&lock);
}

int report_failed(void) {
    return atomic_load(&failed);
}

/* Appends a member to the figures; a report never needs more room than it has. */
static void add_figure(const char *format, ...) {
    va_list args;
    va_start(args, format);
    int added = vsnprintf(figures + figures_length, sizeof figures - figures_length, format, args);
    va_end(args);
    if (added < 0 || (size_t)added >= sizeof figures - figures_length) die("too many figures");
    figures_length += (size_t)added;
}

void report_number(const char *name, long long value) {
    pthread_mutex_lock(&lock);
    add_figure(",\"%s\":%lld", name, value);
    pthread_mutex_unlock(&lock);
}

void report_text(const char *name, const char *value) {
    pthread_mutex_lock(&lock);
    add_figure(",\"%s\":", name);
    if (figures_length + 2 * strlen(value) + 8 >= sizeof figures) die("too many figures");
    append_string(figures, sizeof figures, &figures_length, value);
    pthread_mutex_unlock(&lock);
}

void report_end(void) {
    pthread_mutex_lock(&lock);
    if (!out) die("report_end before report_begin");
    if (!sent) {
        sent = 1;
        if (failed) {
            char message[2 * sizeof error];
            size_t length = 0;
            append_string(message, sizeof message, &length, error);
            fprintf(out, "{\"nonce\":\"%s\",\"ok\":false,\"error\":%s}\n", nonce, message);
        } else {
            fprintf(out, "{\"nonce\":\"%s\",\"ok\":true%s}\n", nonce, figures);
        }
        fflush(out);
    }
    pthread_mutex_unlock(&lock);
}
