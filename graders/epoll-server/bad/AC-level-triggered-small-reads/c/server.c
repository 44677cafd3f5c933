/* Expected AC: a correct event loop, but not the reference's: level-triggered epoll, one read of at
 * most 4 KiB per wakeup (the loop comes back while more is waiting), and EPOLLOUT asked for only
 * while output is waiting (an epoll_ctl to turn it on and one to turn it off). More system calls per
 * request than the reference; a reasonable server the performance check must accept. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 6379
#define MAX_ARGS 1024
#define MAX_BULK (512L * 1024 * 1024)

/* ---- Growable byte buffers ---- */

typedef struct {
    char *data;
    size_t len, cap, start; /* bytes [start, len) are pending */
} buffer;

static void reserve(buffer *b, size_t more) {
    if (b->len + more <= b->cap) return;
    if (b->start > 0) { /* slide the pending bytes to the front first */
        memmove(b->data, b->data + b->start, b->len - b->start);
        b->len -= b->start;
        b->start = 0;
        if (b->len + more <= b->cap) return;
    }
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more) cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data) abort();
    b->cap = cap;
}

static void append(buffer *b, const char *bytes, size_t n) {
    reserve(b, n);
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static void consume(buffer *b, size_t n) {
    b->start += n;
    if (b->start == b->len) b->start = b->len = 0;
}

static void release(buffer *b) {
    free(b->data);
    *b = (buffer){0};
}

/* ---- The key space: a chained hash table of binary keys and values ---- */

typedef struct entry {
    struct entry *next;
    char *key, *value;
    size_t key_len, value_len;
} entry;

static entry **table;
static size_t table_size = 1024, table_count;

static uint64_t hash(const char *key, size_t n) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
    return h;
}

static entry **slot(const char *key, size_t n) {
    entry **at = &table[hash(key, n) & (table_size - 1)];
    while (*at && !((*at)->key_len == n && memcmp((*at)->key, key, n) == 0)) at = &(*at)->next;
    return at;
}

static void grow_table(void) {
    size_t old_size = table_size;
    entry **old = table;
    table_size *= 2;
    table = calloc(table_size, sizeof *table);
    if (!table) abort();
    for (size_t i = 0; i < old_size; i++) {
        for (entry *e = old[i], *next; e; e = next) {
            next = e->next;
            entry **head = &table[hash(e->key, e->key_len) & (table_size - 1)];
            e->next = *head;
            *head = e;
        }
    }
    free(old);
}

static entry *lookup(const char *key, size_t n) { return *slot(key, n); }

static void store(const char *key, size_t key_len, const char *value, size_t value_len) {
    entry **at = slot(key, key_len);
    if (!*at) {
        entry *e = calloc(1, sizeof *e);
        if (!e) abort();
        e->key = malloc(key_len ? key_len : 1);
        memcpy(e->key, key, key_len);
        e->key_len = key_len;
        *at = e;
        if (++table_count > table_size) grow_table();
        at = slot(key, key_len);
    }
    entry *e = *at;
    free(e->value);
    e->value = malloc(value_len ? value_len : 1);
    memcpy(e->value, value, value_len);
    e->value_len = value_len;
}

static int remove_key(const char *key, size_t n) {
    entry **at = slot(key, n);
    if (!*at) return 0;
    entry *e = *at;
    *at = e->next;
    free(e->key);
    free(e->value);
    free(e);
    table_count--;
    return 1;
}

/* ---- Replies ---- */

static void reply_raw(buffer *out, const char *s) { append(out, s, strlen(s)); }

static void reply_bulk(buffer *out, const char *bytes, size_t n) {
    char header[32];
    int h = snprintf(header, sizeof header, "$%zu\r\n", n);
    reserve(out, (size_t)h + n + 2);
    append(out, header, (size_t)h);
    append(out, bytes, n);
    append(out, "\r\n", 2);
}

static void reply_integer(buffer *out, long long n) {
    char line[32];
    append(out, line, (size_t)snprintf(line, sizeof line, ":%lld\r\n", n));
}

static void reply_error(buffer *out, const char *format, const char *name) {
    char line[256];
    snprintf(line, sizeof line, format, name);
    reply_raw(out, line);
}

/* Redis's integer rule: optional '-', then no leading zero (except "0"), digits only, in range. */
static int parse_integer(const char *s, size_t n, long long *value) {
    if (n == 0 || n > 20) return 0;
    if (n == 1 && s[0] == '0') return *value = 0, 1;
    size_t i = 0;
    int negative = s[0] == '-';
    if (negative && ++i == n) return 0;
    if (s[i] < '1' || s[i] > '9') return 0;
    unsigned long long magnitude = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        if (magnitude > (ULLONG_MAX - 9) / 10) return 0;
        magnitude = magnitude * 10 + (unsigned)(s[i] - '0');
    }
    if (negative) {
        if (magnitude > (unsigned long long)LLONG_MAX + 1) return 0;
        *value = magnitude == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)magnitude;
    } else {
        if (magnitude > LLONG_MAX) return 0;
        *value = (long long)magnitude;
    }
    return 1;
}

/* ---- Commands ---- */

typedef struct {
    const char *at[MAX_ARGS];
    size_t len[MAX_ARGS];
    int count;
} arguments;

static int is(const arguments *a, const char *name) {
    return a->len[0] == strlen(name) && strncasecmp(a->at[0], name, a->len[0]) == 0;
}

static void wrong_arity(buffer *out, const char *name) {
    reply_error(out, "-ERR wrong number of arguments for '%s' command\r\n", name);
}

static void unknown(buffer *out, const arguments *a) {
    /* As Redis: the name (up to 128 bytes), then arguments while the list is under 128 bytes. */
    char list[512] = "";
    size_t used = 0;
    for (int i = 1; i < a->count && used < 128; i++) {
        int room = 128 - (int)used, n = (int)a->len[i] < room ? (int)a->len[i] : room;
        used += (size_t)snprintf(list + used, sizeof list - used, "'%.*s' ", n, a->at[i]);
    }
    char line[800];
    int name = a->len[0] < 128 ? (int)a->len[0] : 128;
    int n = snprintf(line, sizeof line, "-ERR unknown command '%.*s', with args beginning with: %s", name, a->at[0], list);
    for (int i = 1; i < n; i++)
        if (line[i] == '\r' || line[i] == '\n') line[i] = ' ';
    append(out, line, (size_t)n);
    append(out, "\r\n", 2);
}

static void execute(const arguments *a, buffer *out) {
    int argc = a->count;
    if (is(a, "PING")) {
        if (argc == 1) reply_raw(out, "+PONG\r\n");
        else if (argc == 2) reply_bulk(out, a->at[1], a->len[1]);
        else wrong_arity(out, "ping");
    } else if (is(a, "ECHO")) {
        if (argc != 2) return wrong_arity(out, "echo");
        reply_bulk(out, a->at[1], a->len[1]);
    } else if (is(a, "SET")) {
        if (argc < 3) return wrong_arity(out, "set");
        if (argc > 3) return reply_raw(out, "-ERR syntax error\r\n");
        store(a->at[1], a->len[1], a->at[2], a->len[2]);
        reply_raw(out, "+OK\r\n");
    } else if (is(a, "GET")) {
        if (argc != 2) return wrong_arity(out, "get");
        entry *e = lookup(a->at[1], a->len[1]);
        if (e) reply_bulk(out, e->value, e->value_len);
        else reply_raw(out, "$-1\r\n");
    } else if (is(a, "DEL") || is(a, "EXISTS")) {
        int del = is(a, "DEL");
        if (argc < 2) return wrong_arity(out, del ? "del" : "exists");
        long long n = 0;
        for (int i = 1; i < argc; i++) n += del ? remove_key(a->at[i], a->len[i]) : lookup(a->at[i], a->len[i]) != NULL;
        reply_integer(out, n);
    } else if (is(a, "INCR")) {
        if (argc != 2) return wrong_arity(out, "incr");
        entry *e = lookup(a->at[1], a->len[1]);
        long long n = 0;
        if (e && !parse_integer(e->value, e->value_len, &n)) return reply_raw(out, "-ERR value is not an integer or out of range\r\n");
        if (n == LLONG_MAX) return reply_raw(out, "-ERR increment or decrement would overflow\r\n");
        char digits[32];
        int len = snprintf(digits, sizeof digits, "%lld", n + 1);
        store(a->at[1], a->len[1], digits, (size_t)len);
        reply_integer(out, n + 1);
    } else {
        unknown(out, a);
    }
}

/* ---- Parsing: one request from the front of the input ---- */

enum { INCOMPLETE = 0, PARSED = 1, MALFORMED = -1 };

/* A decimal number ending in \r\n at s (of n bytes): its value and the bytes used, or INCOMPLETE/MALFORMED. */
static int header_number(const char *s, size_t n, long *value, size_t *used) {
    const char *end = memchr(s, '\r', n);
    if (!end || (size_t)(end - s) + 1 >= n) return n > 32 && !end ? MALFORMED : INCOMPLETE;
    if (end[1] != '\n' || end == s || end - s > 20) return MALFORMED;
    long v = 0;
    for (const char *p = s; p < end; p++) {
        if (*p < '0' || *p > '9') return MALFORMED;
        v = v * 10 + (*p - '0');
    }
    *value = v;
    *used = (size_t)(end - s) + 2;
    return PARSED;
}

/* Parses the request at s (n bytes): the arguments point into s. Sets *used; an empty inline line
 * is PARSED with no arguments. */
static int parse(const char *s, size_t n, arguments *a, size_t *used) {
    a->count = 0;
    if (n == 0) return INCOMPLETE;
    if (s[0] != '*') {
        const char *newline = memchr(s, '\n', n);
        if (!newline) return n > 64 * 1024 ? MALFORMED : INCOMPLETE;
        size_t line = (size_t)(newline - s);
        *used = line + 1;
        if (line > 0 && s[line - 1] == '\r') line--;
        for (size_t i = 0; i < line;) {
            while (i < line && s[i] == ' ') i++;
            if (i == line) break;
            if (a->count == MAX_ARGS) return MALFORMED;
            size_t start = i;
            while (i < line && s[i] != ' ') i++;
            a->at[a->count] = s + start;
            a->len[a->count++] = i - start;
        }
        return PARSED;
    }
    long count;
    size_t at = 1, step;
    int r = header_number(s + at, n - at, &count, &step);
    if (r != PARSED) return r;
    if (count > MAX_ARGS) return MALFORMED;
    at += step;
    for (long i = 0; i < count; i++) {
        if (at >= n) return INCOMPLETE;
        if (s[at] != '$') return MALFORMED;
        long len;
        r = header_number(s + at + 1, n - at - 1, &len, &step);
        if (r != PARSED) return r;
        if (len > MAX_BULK) return MALFORMED;
        at += 1 + step;
        if (n - at < (size_t)len + 2) return INCOMPLETE;
        if (s[at + len] != '\r' || s[at + len + 1] != '\n') return MALFORMED;
        a->at[a->count] = s + at;
        a->len[a->count++] = (size_t)len;
        at += (size_t)len + 2;
    }
    *used = at;
    return PARSED;
}

/* ---- Connections and the loop ---- */

typedef struct {
    int fd;
    buffer in, out;
    int writing; /* EPOLLOUT asked for */
} connection;

static int epoll_fd;

static void close_connection(connection *c) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    release(&c->in);
    release(&c->out);
    free(c);
}

/* Watches for input, and for room to write while output is waiting. */
static void watch(connection *c, int writing) {
    if (c->writing == writing) return;
    c->writing = writing;
    struct epoll_event event = {.events = EPOLLIN | EPOLLRDHUP | (writing ? EPOLLOUT : 0), .data.ptr = c};
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c->fd, &event);
}

/* Writes pending output until done or the socket is full. Returns -1 when the client is gone. */
static int flush(connection *c) {
    while (c->out.start < c->out.len) {
        ssize_t n = send(c->fd, c->out.data + c->out.start, c->out.len - c->out.start, MSG_NOSIGNAL);
        if (n > 0) consume(&c->out, (size_t)n);
        else if (n < 0 && errno == EINTR) continue;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            watch(c, 1);
            return 0;
        } else return -1;
    }
    watch(c, 0);
    return 0;
}

/* Reads everything available, answers every complete request. Returns -1 when the client is gone. */
static int serve(connection *c) {
    static arguments args;
    reserve(&c->in, 4096);
    ssize_t n = read(c->fd, c->in.data + c->in.len, 4096);
    if (n > 0) c->in.len += (size_t)n;
    else if (n == 0 || (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) return -1; /* end of file or error */
    for (;;) {
        size_t used = 0;
        int r = parse(c->in.data + c->in.start, c->in.len - c->in.start, &args, &used);
        if (r == INCOMPLETE) break;
        if (r == MALFORMED) {
            reply_raw(&c->out, "-ERR Protocol error\r\n");
            flush(c);
            return -1;
        }
        if (args.count > 0) execute(&args, &c->out);
        consume(&c->in, used);
    }
    return flush(c);
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    table = calloc(table_size, sizeof *table);
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(listener, (struct sockaddr *)&address, sizeof address) || listen(listener, 4096)) {
        perror("listen on port 6379");
        return 1;
    }
    epoll_fd = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.ptr = NULL}; /* NULL: the listener */
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listener, &event);
    struct epoll_event ready[256];
    for (;;) {
        int count = epoll_wait(epoll_fd, ready, 256, -1);
        if (count < 0 && errno != EINTR) {
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < count; i++) {
            connection *c = ready[i].data.ptr;
            if (!c) { /* accept everyone waiting */
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    c = calloc(1, sizeof *c);
                    c->fd = fd;
                    struct epoll_event watching = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = c};
                    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &watching);
                }
                continue;
            }
            int gone = 0;
            if (ready[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) gone = serve(c) < 0;
            if (!gone && (ready[i].events & EPOLLOUT)) gone = flush(c) < 0;
            if (gone) close_connection(c);
        }
    }
}
