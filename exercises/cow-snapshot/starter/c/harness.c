/* The test harness (read-only): fills your store, takes snapshots with kv_snapshot while it goes on
 * changing the store, and checks every snapshot stream against the store as it was at the fork. It
 * never keeps a value: each is drawn from (key, version) by a seeded generator, so the harness holds
 * only a version per key (and a copy of those at each fork), and its memory is the same whatever
 * your store does. It checks every kv_get as it returns.
 *
 * Each round: kv_snapshot on a pipe's write end (it must return at once: a watchdog fails a call
 * that does not return within SNAPSHOT_RETURN_MS); AFTER changes and gets; with OVERLAP, a second
 * kv_snapshot and AFTER more; only then it reads each pipe to its end, sending the child a signal
 * (SIGUSR1, a handler that does nothing, SA_RESTART) after every SIGNAL_EVERY bytes, so a write of
 * many bytes may return fewer; then it reaps the child. While the streams are read it measures the
 * memory of itself and its children (Pss, from /proc/<pid>/smaps_rollup): once the store holds
 * 32 MiB or more, the snapshot may add at most half the store's size. An atexit handler notes a
 * child that ends with exit() instead of _exit(). It owns main and writes its report on its own
 * descriptor (report.c): print to stderr if you want to debug (stdout goes there too).
 *
 * Input: a nonce line, then "KEYS MAX_VALUE ROUNDS AFTER OVERLAP SEED".
 * Keys 0 to KEYS-1 are set first. The changes pick a key among max(2 KEYS, 16): 55% kv_set, 30%
 * kv_get, 15% kv_del. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "kv.h"
#include "report.h"

#define MAX_KEYS 300000
#define MAX_ROUNDS 50
#define MAX_AFTER 2000000L
/* KEYSPACE x MAX_VALUE at most this: a store of 256 MiB on average when every key is set. */
#define MAX_PRODUCT (1LL << 29)
#define MIN_KEY 8
#define KEY_SPREAD 25
#define SNAPSHOT_RETURN_MS 2000
#define STALL_MS 5000
#define SIGNAL_EVERY (256 * 1024)
/* The reader takes at most this much a read: a writer of larger buffers then waits mid-write, with
 * part of its buffer taken, which is where a signal makes write return fewer bytes than asked. */
#define READ_CHUNK (16 * 1024)
/* The memory rule applies from this store size (smaller stores are mostly the allocator's overhead). */
#define MEMORY_FROM_KIB (32 * 1024)

struct scenario {
    long keys, max_value, rounds, after, overlap;
    uint32_t seed;
};

static struct scenario scenario;
static uint32_t keyspace;
static uint32_t *versions; /* the live store: a version per key, 0 when absent */
static uint32_t next_version = 1;
static pid_t harness_pid;

/* What a child leaves for the parent to see: memory both share, mapped before any fork. */
struct child_marks {
    atomic_int ran_exit;     /* a child called exit(): the harness's atexit handler ran in it */
    atomic_int returned;     /* a child returned from kv_snapshot into the harness */
};
static struct child_marks *marks;

/* ---- figures the grader recomputes ---- */
static long long snapshots, pairs, stream_bytes, gets_found;
static uint32_t checksum;
static long long most_extra_kib, set_since_fork;

/* ---- the generators (the grader's model draws the same) ---- */
static uint32_t random_state;

static uint32_t mix32(uint32_t z) {
    z += 0x9E3779B9u;
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
}

static uint32_t next_random(void) {
    random_state += 0x9E3779B9u;
    return mix32(random_state);
}

static size_t key_length(uint32_t id) {
    return MIN_KEY + mix32(id ^ scenario.seed ^ 0x85EBCA6Bu) % KEY_SPREAD;
}

/* Key id: its first 8 bytes are the id masked, the rest drawn from it. */
static size_t make_key(uint32_t id, uint8_t *key) {
    size_t length = key_length(id);
    uint64_t head = (uint64_t)id ^ 0xA5A5000000005A00ull ^ ((uint64_t)scenario.seed << 24);
    for (int i = 0; i < 8; i++) key[i] = (uint8_t)(head >> (8 * i));
    uint32_t state = id * 0x27D4EB2Fu;
    for (size_t i = 8; i < length; i++) key[i] = (uint8_t)mix32(state += 0x9E3779B9u);
    return length;
}

/* The id a key names, or UINT32_MAX when it names none. */
static uint32_t key_id(const uint8_t *key, size_t length) {
    if (length < MIN_KEY) return UINT32_MAX;
    uint64_t head = 0;
    for (int i = 0; i < 8; i++) head |= (uint64_t)key[i] << (8 * i);
    uint64_t id = head ^ 0xA5A5000000005A00ull ^ ((uint64_t)scenario.seed << 24);
    if (id >= keyspace) return UINT32_MAX;
    uint8_t expected[KV_MAX_KEY];
    if (make_key((uint32_t)id, expected) != length || memcmp(expected, key, length) != 0) return UINT32_MAX;
    return (uint32_t)id;
}

static size_t value_length(uint32_t id, uint32_t version) {
    return scenario.max_value ? mix32(id * 0x9E3779B1u ^ version ^ scenario.seed) % (uint32_t)(scenario.max_value + 1) : 0;
}

static size_t make_value(uint32_t id, uint32_t version, uint8_t *value) {
    size_t length = value_length(id, version);
    uint64_t state = ((uint64_t)id << 32 | version) ^ ((uint64_t)scenario.seed * 0x9E3779B97F4A7C15ull);
    for (size_t at = 0; at < length; at += 8) {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        size_t n = length - at < 8 ? length - at : 8;
        memcpy(value + at, &z, n);
    }
    return length;
}

static uint32_t pair_hash(uint32_t id, uint32_t version) {
    return mix32(id ^ mix32(version));
}

/* ---- failing ---- */
static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static long current_round = -1;
static void stop_children(void);

__attribute__((format(printf, 1, 2), noreturn)) static void fail(const char *format, ...) {
    char message[900];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, sizeof message, format, arguments);
    va_end(arguments);
    if (current_round < 0) report_fail("While the store was filled: %s", message);
    else report_fail("Round %ld: %s", current_round + 1, message);
    /* A child still writing holds its pipe's read end too (it inherited both), so it would never end,
     * and it shares the report's descriptor: gone before the report. (The first failure is the one
     * reported; whatever killing the children makes the other thread see comes after it.) */
    stop_children();
    report_end();
    _exit(0);
}

static void die(const char *why) {
    fprintf(stderr, "harness: %s (%s)\n", why, strerror(errno));
    exit(2);
}

static void *table(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) die("cannot map its tables");
    memset(p, 0, bytes); /* touched now, so the memory measured later holds them already */
    return p;
}

/* ---- memory: proportional set sizes, so pages two processes share count once ---- */
static long pss_kib(pid_t pid) {
    char path[64], line[256];
    if (pid) snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    else snprintf(path, sizeof path, "/proc/self/smaps_rollup");
    FILE *file = fopen(path, "r");
    if (!file) return 0; /* a child that has ended holds nothing */
    long kib = 0;
    while (fgets(line, sizeof line, file))
        if (sscanf(line, "Pss: %ld kB", &kib) == 1) break;
    fclose(file);
    return kib;
}

/* ---- snapshots ---- */
struct snapshot {
    pid_t pid;
    int fd;
    int ended;  /* reaped early (the child had ended when kv_snapshot returned) */
    int status;
    uint32_t *versions; /* the store at the fork */
    uint8_t *seen;
    long expected_pairs;
    long long expected_bytes;
};

static struct snapshot slots[2];

/* Every child of the harness's main thread (kv_snapshot's, returned or not), killed. */
static void stop_children(void) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)harness_pid, (int)harness_pid);
    FILE *file = fopen(path, "r");
    int pid;
    while (file && fscanf(file, "%d", &pid) == 1) kill(pid, SIGKILL);
    if (file) fclose(file);
    for (int i = 0; i < 2; i++)
        if (slots[i].pid > 0 && !slots[i].ended) kill(slots[i].pid, SIGKILL);
}

static uint8_t *key_buffer, *value_buffer, *expected_value, *read_buffer;
static long memory_base_kib, round_start_kib;

static atomic_long snapshot_called_at; /* when kv_snapshot was called, 0 outside it */
static atomic_long drain_progress_at;  /* when the stream being read last gave bytes, 0 when none is read */
static atomic_long reap_started_at;    /* when the harness began to wait for a child whose stream ended */

static void *watchdog(void *unused) {
    (void)unused;
    for (;;) {
        usleep(20 * 1000);
        long called = atomic_load(&snapshot_called_at), progress = atomic_load(&drain_progress_at), reaping = atomic_load(&reap_started_at);
        if (called && now_ms() - called > SNAPSHOT_RETURN_MS)
            fail("kv_snapshot did not return within %d s while the snapshot was being written: it must fork and return the child's pid at once, leaving the writing to the child. The harness reads the descriptor only after kv_snapshot has returned and it has changed the store further, so a kv_snapshot that writes the store itself, waits for its child (waitpid, or vfork, which suspends the parent until the child ends) or holds the parent back in any other way fills the pipe and never returns.",
                 SNAPSHOT_RETURN_MS / 1000);
        if (progress && now_ms() - progress > STALL_MS)
            fail("the snapshot child wrote nothing for %d s and did not end: after the last pair it must end with _exit(0), which closes its descriptor (the harness reads until end of file).", STALL_MS / 1000);
        if (reaping && now_ms() - reaping > STALL_MS)
            fail("the snapshot child closed its descriptor but had not ended %d s later: once its last pair is written it must end with _exit(0), not go on running.", STALL_MS / 1000);
    }
    return NULL;
}

/* Runs in any process that calls exit(): in a snapshot child, that is the mistake this notes. */
static void at_exit(void) {
    if (getpid() != harness_pid) atomic_store(&marks->ran_exit, 1);
}

static void on_usr1(int signal_number) {
    (void)signal_number;
}

static void take_snapshot(struct snapshot *s, int order) {
    int ends[2];
    if (pipe(ends) != 0) die("cannot make a pipe");
    atomic_store(&snapshot_called_at, now_ms());
    pid_t pid = kv_snapshot(ends[1]);
    if (getpid() != harness_pid) {
        /* A child came back into the harness: note it for the parent and end here. */
        atomic_store(&marks->returned, 1);
        _exit(0);
    }
    atomic_store(&snapshot_called_at, 0);
    close(ends[1]);
    snapshots++;
    if (pid <= 0)
        fail("kv_snapshot (the %s of the round) returned %d: it returns the pid of the child it forked (fork, then in the parent return what fork returned).", order ? "second" : "first", (int)pid);
    int status;
    pid_t reaped = waitpid(pid, &status, WNOHANG);
    if (reaped < 0)
        fail("kv_snapshot returned %d, which is not a child of the harness's process waiting to be reaped: it returns the pid fork gave the parent, and leaves the child for the harness to reap (no waitpid of your own, no SIGCHLD handler, SIGCHLD not ignored).",
             (int)pid);
    *s = (struct snapshot){.pid = pid, .fd = ends[0], .ended = reaped == pid, .status = status, .versions = s->versions, .seen = s->seen};
    memcpy(s->versions, versions, keyspace * sizeof *versions);
    memset(s->seen, 0, keyspace);
    for (uint32_t id = 0; id < keyspace; id++)
        if (versions[id]) {
            s->expected_pairs++;
            s->expected_bytes += 8 + (long long)key_length(id) + (long long)value_length(id, versions[id]);
        }
}

/* ---- the changes ---- */
static void do_set(uint32_t id) {
    versions[id] = next_version++;
    size_t klen = make_key(id, key_buffer), vlen = make_value(id, versions[id], value_buffer);
    kv_set(key_buffer, klen, value_buffer, vlen);
    set_since_fork += (long long)(klen + vlen);
}

static void do_get(uint32_t id) {
    size_t klen = make_key(id, key_buffer);
    const void *value = expected_value; /* left as it is when the key is absent */
    long got = kv_get(key_buffer, klen, &value);
    if (!versions[id]) {
        if (got != -1) fail("kv_get returned %ld for key %u, which is not in the store (deleted or never set): it returns -1 for an absent key.", got, id);
        if (value != expected_value) fail("kv_get changed *value for key %u, which is not in the store: for an absent key it returns -1 and leaves *value as it was.", id);
        return;
    }
    size_t vlen = make_value(id, versions[id], value_buffer);
    if (got < 0) fail("kv_get returned %ld for key %u, which holds a %zu-byte value.", got, id, vlen);
    if ((size_t)got != vlen) fail("kv_get returned a %ld-byte value for key %u, which holds %zu bytes.", got, id, vlen);
    if (vlen && memcmp(value, value_buffer, vlen) != 0) {
        size_t at = 0;
        while (((const uint8_t *)value)[at] == value_buffer[at]) at++;
        fail("kv_get's value for key %u differs from the one last set at byte %zu of %zu (keep a copy of the bytes kv_set is given: the harness reuses its buffer).", id, at, vlen);
    }
    gets_found++;
}

static void do_del(uint32_t id) {
    size_t klen = make_key(id, key_buffer);
    int got = kv_del(key_buffer, klen);
    int had = versions[id] != 0;
    if (got != had) fail("kv_del returned %d for key %u, which %s in the store: it returns 1 when the key was there, 0 when not.", got, id, had ? "was" : "was not");
    versions[id] = 0;
}

static void change(long count) {
    for (long i = 0; i < count; i++) {
        uint32_t r = next_random() % 100, id = next_random() % keyspace;
        if (r < 55) do_set(id);
        else if (r < 85) do_get(id);
        else do_del(id);
    }
}

/* ---- reading a stream ---- */
struct reader {
    struct snapshot *s;
    size_t at, end;
    long long total, signalled_at, next_sample;
    int samples;
};

static void sample_memory(void) {
    long kib = pss_kib(0);
    for (int i = 0; i < 2; i++)
        if (slots[i].pid > 0 && !slots[i].ended) kib += pss_kib(slots[i].pid);
    if (kib - round_start_kib > most_extra_kib) most_extra_kib = kib - round_start_kib;
}

/* Up to `want` bytes of the stream into `into`; fewer only at its end. */
static size_t read_stream(struct reader *r, uint8_t *into, size_t want) {
    size_t got = 0;
    while (got < want) {
        if (r->at == r->end) {
            ssize_t n = read(r->s->fd, read_buffer, READ_CHUNK);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) die("cannot read a snapshot stream");
            if (n == 0) break;
            r->at = 0, r->end = (size_t)n, r->total += n;
            atomic_store(&drain_progress_at, now_ms());
            if (r->total - r->signalled_at >= SIGNAL_EVERY) {
                kill(r->s->pid, SIGUSR1);
                r->signalled_at = r->total;
            }
            if (r->total >= r->next_sample && r->samples < 3) {
                sample_memory();
                r->samples++;
                r->next_sample = r->s->expected_bytes * (r->samples == 1 ? 5 : 9) / 10;
            }
        }
        size_t n = r->end - r->at < want - got ? r->end - r->at : want - got;
        memcpy(into + got, read_buffer + r->at, n);
        r->at += n, got += n;
    }
    return got;
}

static const char *which(int order) {
    return scenario.overlap ? (order ? "the second snapshot" : "the first snapshot") : "the snapshot";
}

#define LATER_CHANGES \
    "The child sees the parent's later changes: is the store in memory the two processes share (MAP_SHARED), or written by a thread instead of a forked child?"

static void check_stream(struct snapshot *s, int order) {
    struct reader r = {.s = s};
    atomic_store(&drain_progress_at, now_ms());
    long count = 0;
    for (;;) {
        uint8_t header[8], key[KV_MAX_KEY];
        size_t got = read_stream(&r, header, 8);
        if (got == 0) break;
        if (got < 8)
            fail("%s ended inside pair %ld's lengths (%zu of its 8 bytes): a pair was cut short (a write that returned fewer bytes than asked, and the rest never written?).", which(order), count + 1, got);
        uint32_t klen = (uint32_t)header[0] | (uint32_t)header[1] << 8 | (uint32_t)header[2] << 16 | (uint32_t)header[3] << 24;
        uint32_t vlen = (uint32_t)header[4] | (uint32_t)header[5] << 8 | (uint32_t)header[6] << 16 | (uint32_t)header[7] << 24;
        if (klen < 1 || klen > KV_MAX_KEY || vlen > KV_MAX_VALUE)
            fail("pair %ld of %s gives a key of %u bytes and a value of %u: no pair of the store has those lengths. Each pair is the key's length and the value's (u32, little-endian), then the key's bytes and the value's; a write that returned fewer bytes than asked, and the rest never written, tears the stream like this.",
                 count + 1, which(order), klen, vlen);
        if (read_stream(&r, key, klen) < klen) fail("%s ended inside pair %ld's key.", which(order), count + 1);
        uint32_t id = key_id(key, klen);
        if (id == UINT32_MAX)
            fail("pair %ld of %s has a %u-byte key the harness never set (the pair's bytes are torn or out of place; keys may hold zero bytes).", count + 1, which(order), klen);
        uint32_t version = s->versions[id];
        if (!version)
            fail(versions[id] ? "%s holds a change made after kv_snapshot returned (key %u, which was not in the store at the fork). " LATER_CHANGES
                              : "%s holds key %u, which was not in the store at the fork: it had been deleted before kv_snapshot was called.",
                 which(order), id);
        if (s->seen[id]) fail("%s holds key %u twice: each pair once.", which(order), id);
        s->seen[id] = 1;
        size_t expected_length = make_value(id, version, expected_value);
        if (read_stream(&r, value_buffer, vlen) < vlen) fail("%s ended inside pair %ld's value (key %u).", which(order), count + 1, id);
        if (vlen != expected_length || memcmp(value_buffer, expected_value, vlen) != 0) {
            uint32_t live = versions[id];
            if (live && live != version && value_length(id, live) == vlen) {
                make_value(id, live, expected_value);
                if (memcmp(value_buffer, expected_value, vlen) == 0)
                    fail("%s holds a change made after kv_snapshot returned (key %u's new value, not its value at the fork). " LATER_CHANGES, which(order), id);
            }
            if (vlen != expected_length) fail("%s gives key %u a %u-byte value; at the fork it held %zu bytes.", which(order), id, vlen, expected_length);
            size_t at = 0;
            while (value_buffer[at] == expected_value[at]) at++;
            fail("%s gives key %u a value that differs from its value at the fork at byte %zu of %u.", which(order), id, at, vlen);
        }
        count++;
        pairs++;
        stream_bytes += 8 + (long long)klen + vlen;
        checksum += pair_hash(id, version);
    }
    atomic_store(&drain_progress_at, 0);
    if (count != s->expected_pairs) {
        uint32_t missing = 0;
        while (!s->versions[missing] || s->seen[missing]) missing++;
        fail("%s ended after %ld pairs; the store held %ld at the fork (the first missing is key %u): every pair, and the stream is read until the child ends.", which(order), count,
             s->expected_pairs, missing);
    }
    close(s->fd);
}

static void reap(struct snapshot *s, int order) {
    int status = s->status;
    atomic_store(&reap_started_at, now_ms());
    pid_t reaped = s->ended ? s->pid : waitpid(s->pid, &status, 0);
    atomic_store(&reap_started_at, 0);
    if (reaped != s->pid)
        fail("the harness could not reap the child of %s (pid %d): your code reaped it, or let the system do so (a waitpid of your own, a SIGCHLD handler, SIGCHLD ignored). The harness reaps it; leave it be.",
             which(order), (int)s->pid);
    if (atomic_load(&marks->returned))
        fail("the child of %s returned from kv_snapshot into the harness instead of ending: after writing, the child must end with _exit(0), or it goes on running the parent's program (here the harness, which stopped it).",
             which(order));
    if (atomic_load(&marks->ran_exit))
        fail("the child of %s ended with exit() instead of _exit(): exit runs the atexit handlers and flushes the stdio buffers the child inherited from the parent (the harness's atexit handler ran in the child). Output still in a parent's buffer at the fork would be written twice, and handlers meant for the parent (removing files, closing connections) would run in the child.",
             which(order));
    if (WIFSIGNALED(status)) {
        /* Killed by the watchdog's failure: that thread ends the run. */
        if (report_failed())
            for (;;) pause();
        int number = WTERMSIG(status);
        fprintf(stderr, "harness: the child of %s was killed by signal %d (%s) in your code\n", which(order), number, strsignal(number));
        stop_children();
        signal(number, SIG_DFL);
        raise(number);
        _exit(128 + number);
    }
    if (WEXITSTATUS(status) != 0) fail("the child of %s ended with status %d: after writing every pair it ends with _exit(0).", which(order), WEXITSTATUS(status));
    s->pid = 0;
}

static void on_crash(int signal_number) {
    char text[200];
    int n = snprintf(text, sizeof text, "harness: %s was killed by signal %d (%s) in your code\n", getpid() == harness_pid ? "the process" : "a snapshot child", signal_number,
                     strsignal(signal_number));
    if (n > 0) (void)!write(2, text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
    signal(signal_number, SIG_DFL);
}

int main(void) {
    report_begin();
    if (scanf("%ld %ld %ld %ld %ld %u", &scenario.keys, &scenario.max_value, &scenario.rounds, &scenario.after, &scenario.overlap, &scenario.seed) != 6 || scenario.keys < 0 ||
        scenario.keys > MAX_KEYS || scenario.max_value < 0 || scenario.max_value > KV_MAX_VALUE || scenario.rounds < 1 || scenario.rounds > MAX_ROUNDS || scenario.after < 0 ||
        scenario.after > MAX_AFTER || scenario.overlap < 0 || scenario.overlap > 1)
        die("bad scenario");
    keyspace = (uint32_t)(scenario.keys * 2 > 16 ? scenario.keys * 2 : 16);
    if ((long long)keyspace * scenario.max_value > MAX_PRODUCT) die("bad scenario: KEYS x MAX_VALUE too large");
    harness_pid = getpid();
    random_state = scenario.seed;
    /* Transparent huge pages would make one changed byte copy 2 MiB (see the follow-up questions). */
    prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
    marks = mmap(NULL, sizeof *marks, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (marks == MAP_FAILED) die("cannot map its marks");
    versions = table(keyspace * sizeof *versions);
    for (int i = 0; i < 2; i++) slots[i].versions = table(keyspace * sizeof *versions), slots[i].seen = table(keyspace);
    key_buffer = table(KV_MAX_KEY);
    value_buffer = table((size_t)scenario.max_value + 8);
    expected_value = table((size_t)scenario.max_value + 8);
    read_buffer = table(READ_CHUNK);
    atexit(at_exit);
    struct sigaction usr1 = {.sa_handler = on_usr1, .sa_flags = SA_RESTART};
    sigaction(SIGUSR1, &usr1, NULL);
    struct sigaction crash = {.sa_handler = on_crash, .sa_flags = SA_RESETHAND};
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    signal(SIGPIPE, SIG_IGN);
    pthread_t watcher;
    if (pthread_create(&watcher, NULL, watchdog, NULL) != 0) die("cannot start its watchdog");
    fflush(NULL);
    memory_base_kib = pss_kib(0);
    if (memory_base_kib <= 0) die("cannot read /proc/self/smaps_rollup");

    for (uint32_t id = 0; id < (uint32_t)scenario.keys; id++) do_set(id);
    for (current_round = 0; current_round < scenario.rounds; current_round++) {
        round_start_kib = pss_kib(0);
        long store_kib = round_start_kib - memory_base_kib;
        most_extra_kib = 0;
        set_since_fork = 0;
        take_snapshot(&slots[0], 0);
        change(scenario.after);
        if (scenario.overlap) {
            take_snapshot(&slots[1], 1);
            change(scenario.after);
        }
        sample_memory();
        for (int order = 0; order <= scenario.overlap; order++) {
            check_stream(&slots[order], order);
            reap(&slots[order], order);
        }
        long set_kib = (long)(set_since_fork / 1024);
        if (store_kib >= MEMORY_FROM_KIB && most_extra_kib > store_kib / 2 + set_kib)
            fail("while the snapshot was written, the memory of the parent and its child together grew by %ld MiB, with %ld MiB in the store at the fork and %ld MiB of keys and values set since: it may grow by half the store beyond what was set. After a fork the two share every page until one writes to it; the pages to copy are those the parent's changes write, not the whole store. Did the child sort, rehash or mark the table in place, or did kv_snapshot copy the store before (or after) forking?",
                 (long)(most_extra_kib / 1024), store_kib / 1024, set_kib / 1024);
    }
    report_number("snapshots", snapshots);
    report_number("pairs", pairs);
    report_number("bytes", stream_bytes);
    report_number("gets", gets_found);
    report_number("checksum", checksum);
    report_end();
    return 0;
}
