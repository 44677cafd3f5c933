/* mini-top that divides by the interval's ticks without looking: two readings of the same moment
 * divide by zero (SIGFPE). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;

typedef struct {
    long pid;
    char state;
    uint64_t ticks, starttime, vsize, rss_pages, shared_kib;
    long threads, uid;
    const char *comm;
    size_t comm_len;
} process;

typedef struct {
    int present, version;
    uint64_t usage_ns, memory, limit, inactive, total_inactive;
    int unlimited;
} cgroup;

typedef struct {
    uint64_t cpu[10];
    process *procs;
    size_t n, cap;
    cgroup cg;
} snapshot;

static char *input;
static size_t input_len, at;
static long hertz, page_size, cpus;
static uint64_t mem_total;

/* The next line, NUL-terminated in place, or NULL at the end. */
static char *next_line(void) {
    if (at >= input_len) return NULL;
    char *line = input + at;
    char *end = memchr(line, '\n', input_len - at);
    if (!end) end = input + input_len;
    *end = '\0';
    at = (size_t)(end - input) + 1;
    return line;
}

static uint64_t number(const char **p) {
    while (**p == ' ' || **p == '\t') (*p)++;
    uint64_t v = 0;
    while (**p >= '0' && **p <= '9') v = v * 10 + (uint64_t)(*(*p)++ - '0');
    return v;
}

static process *current(snapshot *s, long pid) {
    if (s->n > 0 && s->procs[s->n - 1].pid == pid) return &s->procs[s->n - 1];
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->procs = realloc(s->procs, s->cap * sizeof *s->procs);
    }
    process *p = &s->procs[s->n++];
    memset(p, 0, sizeof *p);
    p->pid = pid;
    return p;
}

/* A stat line: the comm runs from the first '(' to the LAST ')', fields 3.. follow it. */
static void read_stat(process *p, char *line) {
    char *open = strchr(line, '(');
    char *close = strrchr(line, ')');
    p->comm = open + 1;
    p->comm_len = (size_t)(close - open - 1);
    const char *q = close + 2;
    p->state = *q;
    q += 1;
    uint64_t field[53] = {0};
    for (int k = 4; k <= 24; k++) {
        while (*q == ' ') q++;
        if (*q == '-') q++;
        field[k] = number(&q);
    }
    p->ticks = field[14] + field[15];
    p->threads = (long)field[20];
    p->starttime = field[22];
    p->vsize = field[23];
    p->rss_pages = field[24];
}

static void read_status(process *p, const char *line) {
    if (strncmp(line, "Uid:", 4) == 0) {
        const char *q = line + 4;
        number(&q);
        p->uid = (long)number(&q);
    } else if (strncmp(line, "RssFile:", 8) == 0) {
        const char *q = line + 8;
        p->shared_kib += number(&q);
    } else if (strncmp(line, "RssShmem:", 9) == 0) {
        const char *q = line + 9;
        p->shared_kib += number(&q);
    }
}

static void read_cgroup(cgroup *cg, const char *file, const char *line) {
    const char *q = line;
    cg->present = 1;
    if (strcmp(file, "cpuacct.usage") == 0) cg->version = 1, cg->usage_ns = number(&q);
    else if (strcmp(file, "memory.usage_in_bytes") == 0 || strcmp(file, "memory.current") == 0) cg->memory = number(&q);
    else if (strcmp(file, "memory.limit_in_bytes") == 0) cg->limit = number(&q);
    else if (strcmp(file, "memory.max") == 0) {
        if (strcmp(line, "max") == 0) cg->unlimited = 1;
        else cg->limit = number(&q);
    } else if (strcmp(file, "cpu.stat") == 0) {
        cg->version = 2;
        if (strncmp(line, "usage_usec ", 11) == 0) q += 11, cg->usage_ns = number(&q) * 1000;
    } else if (strcmp(file, "memory.stat") == 0) {
        if (strncmp(line, "inactive_file ", 14) == 0) q += 14, cg->inactive = number(&q);
        else if (strncmp(line, "total_inactive_file ", 20) == 0) q += 20, cg->total_inactive = number(&q);
    }
}

/* Reads files up to the next "snapshot" line (left unread) or the end. */
static void read_snapshot(snapshot *s) {
    enum { NONE, STAT, PROC_STAT, PROC_STATUS, CGROUP } kind = NONE;
    process *p = NULL;
    const char *cgroup_file = NULL;
    for (;;) {
        size_t mark = at;
        char *line = next_line();
        if (!line) return;
        if (strncmp(line, "snapshot ", 9) == 0) {
            line[strlen(line)] = '\n';
            at = mark;
            return;
        }
        if (line[0] == '\0') continue;
        if (strncmp(line, "==> ", 4) == 0) {
            char *path = line + 4;
            path[strlen(path) - 4] = '\0';
            if (strcmp(path, "/proc/stat") == 0) kind = STAT;
            else if (strncmp(path, "/proc/", 6) == 0) {
                const char *q = path + 6;
                long pid = (long)number(&q);
                p = current(s, pid);
                kind = strcmp(q, "/stat") == 0 ? PROC_STAT : PROC_STATUS;
            } else {
                kind = CGROUP;
                cgroup_file = strrchr(path, '/') + 1;
            }
            continue;
        }
        if (kind == STAT && strncmp(line, "cpu ", 4) == 0) {
            const char *q = line + 4;
            for (int i = 0; i < 10; i++) s->cpu[i] = number(&q);
        } else if (kind == PROC_STAT) read_stat(p, line);
        else if (kind == PROC_STATUS) read_status(p, line);
        else if (kind == CGROUP) read_cgroup(&s->cg, cgroup_file, line);
    }
}

/* num / den rounded to an integer, halves up. */
static uint64_t round_half_up(u128 num, u128 den) { return (uint64_t)((2 * num + den) / (2 * den)); }

typedef struct {
    const process *p;
    uint64_t delta;
} row;

static int by_share(const void *a, const void *b) {
    const row *x = a, *y = b;
    if (x->delta != y->delta) return x->delta > y->delta ? -1 : 1;
    return (x->p->pid > y->p->pid) - (x->p->pid < y->p->pid);
}

typedef struct {
    long pid;
    uint64_t starttime, ticks;
} history;

static uint64_t sum(const uint64_t *v, int n) {
    uint64_t total = 0;
    for (int i = 0; i < n; i++) total += v[i];
    return total;
}

int main(void) {
    size_t cap = 1 << 20;
    input = malloc(cap);
    size_t got;
    while ((got = fread(input + input_len, 1, cap - input_len, stdin)) > 0) {
        input_len += got;
        if (input_len == cap) input = realloc(input, cap *= 2);
    }
    char *line;
    for (int i = 0; i < 4 && (line = next_line()); i++) {
        const char *q = strchr(line, ' ');
        uint64_t v = number(&q);
        if (line[0] == 'h') hertz = (long)v;
        else if (line[0] == 'p') page_size = (long)v;
        else if (line[0] == 'c') cpus = (long)v;
        else mem_total = v;
    }
    snapshot snap[2];
    memset(snap, 0, sizeof snap);
    for (int k = 0; k < 2; k++) {
        while ((line = next_line()) && strncmp(line, "snapshot ", 9) != 0) {}
        read_snapshot(&snap[k]);
    }

    size_t slots = 1;
    while (slots < 2 * snap[0].n + 2) slots <<= 1;
    history *table = calloc(slots, sizeof *table);
    for (size_t i = 0; i < snap[0].n; i++) {
        const process *p = &snap[0].procs[i];
        size_t h = ((uint64_t)p->pid * 0x9E3779B97F4A7C15ull) & (slots - 1);
        while (table[h].pid) h = (h + 1) & (slots - 1);
        table[h] = (history){p->pid, p->starttime, p->ticks};
    }

    uint64_t elapsed = sum(snap[1].cpu, 8) - sum(snap[0].cpu, 8);
    row *rows = malloc((snap[1].n + 1) * sizeof *rows);
    for (size_t i = 0; i < snap[1].n; i++) {
        const process *p = &snap[1].procs[i];
        size_t h = ((uint64_t)p->pid * 0x9E3779B97F4A7C15ull) & (slots - 1);
        while (table[h].pid && table[h].pid != p->pid) h = (h + 1) & (slots - 1);
        uint64_t delta = p->ticks;
        if (table[h].pid == p->pid && table[h].starttime == p->starttime) delta -= table[h].ticks;
        rows[i] = (row){p, elapsed > 0 ? delta : 0};
    }
    qsort(rows, snap[1].n, sizeof *rows, by_share);

    size_t out_cap = 256 * (snap[1].n + 2), out_len = 0;
    char *out = malloc(out_cap);
    for (size_t i = 0; i < snap[1].n; i++) {
        const process *p = rows[i].p;
        uint64_t cpu = ((uint64_t)rows[i].delta * 2000 * (uint64_t)cpus + elapsed) / (2 * elapsed);
        uint64_t res = p->rss_pages * (uint64_t)page_size / 1024;
        uint64_t mem = round_half_up((u128)res * 1000, mem_total);
        out_len += (size_t)sprintf(out + out_len, "%ld %ld %c %ld %llu.%llu %llu.%llu %llu %llu %llu %.*s\n", p->pid, p->uid, p->state,
                                   p->threads, (unsigned long long)(cpu / 10), (unsigned long long)(cpu % 10), (unsigned long long)(mem / 10),
                                   (unsigned long long)(mem % 10), (unsigned long long)(p->vsize / 1024), (unsigned long long)res,
                                   (unsigned long long)p->shared_kib, (int)p->comm_len, p->comm);
    }
    fwrite(out, 1, out_len, stdout);

    if (snap[0].cg.present && snap[1].cg.present) {
        const cgroup *before = &snap[0].cg, *after = &snap[1].cg;
        uint64_t per_tick = 1000000000ull / (uint64_t)hertz;
        uint64_t system = (sum(snap[1].cpu, 7) - sum(snap[0].cpu, 7)) * per_tick;
        uint64_t usage = after->usage_ns - before->usage_ns;
        uint64_t cpu = system > 0 && after->usage_ns > before->usage_ns ? round_half_up((u128)usage * (uint64_t)cpus * 10000, system) : 0;
        uint64_t inactive = after->version == 1 ? after->total_inactive : after->inactive;
        uint64_t memory = inactive < after->memory ? after->memory - inactive : after->memory;
        uint64_t machine = mem_total * 1024;
        uint64_t limit = after->unlimited || after->limit > machine ? machine : after->limit;
        uint64_t mem = round_half_up((u128)memory * 10000, limit);
        printf("CONTAINER %llu.%02llu %llu %llu %llu.%02llu\n", (unsigned long long)(cpu / 100), (unsigned long long)(cpu % 100),
               (unsigned long long)memory, (unsigned long long)limit, (unsigned long long)(mem / 100), (unsigned long long)(mem % 100));
    }
    return 0;
}
