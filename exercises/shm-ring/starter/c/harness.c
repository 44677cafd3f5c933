/* The test harness (read-only): sets up your ring in shared memory, forks a producer process and a
 * consumer process, and checks that every message arrives exactly once, in order and intact, that
 * the ring never holds more than its capacity (nor fewer before put waits), that close wakes the
 * other process and that closing twice is harmless. It owns main and writes its report on its own
 * descriptor (report.c): print to stderr if you want to debug (stdout goes there too).
 *
 * Input: a nonce line, then "CAPACITY SIZE N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE".
 * The producer puts N messages of SIZE bytes (pausing before each), the consumer gets until the ring
 * is closed and empty (starting late if asked). MODE 0: the producer closes the ring when it is done.
 * MODE 1: the consumer waits until the producer is stuck on a full ring, then closes it and drains.
 * MODE 2: the producer closes the ring while the consumer waits on it, empty. Like POSIX allows, some
 * of your pthread_cond_wait calls return without a signal.
 *
 * The memory is a memfd mapped MAP_SHARED; each child maps it again at a new address and unmaps the
 * parent's mapping, and closes every descriptor but 0, 1, 2 and the memfd. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "report.h"
#include "ring.h"

#define STALL_MS 2000
/* How long a waiter is held at its wait for the other process's close (hold_before_waiting). */
#define HOLD_MS 100
#define MAX_CAPACITY 4096
#define MIN_SIZE 8
#define MAX_SIZE 4096
#define MAX_MESSAGES 5000000L
/* The most ring_bytes may ask for beyond the messages themselves. */
#define MAX_OVERHEAD (1L << 20)
/* A message put after the close carries this sequence number. */
#define AFTER_CLOSE UINT64_MAX

/* What the two processes tell the parent: a mapping of the harness's own, shared with both, never the ring's. */
struct shared_state {
    atomic_long puts_done, gets_started, gets_done, accepted, delivered, progress;
    atomic_int in_put, in_get;
    atomic_int closed;           /* the harness is about to call ring_close, or has */
    atomic_int consumer_started; /* the consumer's late start is over */
    atomic_int holding;          /* a waiter is held at its wait for the close (hold_before_waiting) */
    atomic_int close_returned;   /* the harness's first ring_close has returned */
    atomic_int producer_done, consumer_done;
    atomic_uint checksum;
    atomic_int failing;          /* a process is writing `failure` */
    atomic_int failed;           /* `failure` is written */
    char failure[1024];
};

static struct shared_state *state;
static long capacity, message_size, messages, producer_pause_us, consumer_start_ms;
static int mode, ring_fd;
static size_t ring_size;

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* ---- the waits: spurious wakeups, and a close that skips the mutex caught ---- */
typedef int (*cond_wait_fn)(pthread_cond_t *, pthread_mutex_t *);
typedef int (*cond_timedwait_fn)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
static cond_wait_fn real_cond_wait;
static cond_timedwait_fn real_cond_timedwait;
static unsigned spurious_permille;
static uint32_t random_state = 0x2545F491u;
static int last_was_spurious;

/* A spurious wakeup returns at once, the mutex still held: letting it go for a moment would let the
 * other process in, and the wakeup would often become a real one. Never twice in a row, so a loop
 * that waits again still gets to sleep. */
static int spurious(void) {
    random_state ^= random_state << 13;
    random_state ^= random_state >> 17;
    random_state ^= random_state << 5;
    last_was_spurious = !last_was_spurious && spurious_permille && random_state % 1000 < spurious_permille;
    return last_was_spurious;
}

/* The wait the other process's close must end (MODE 1: the producer's on the full ring, when
 * `capacity` messages are in; MODE 2: the consumer's on the empty ring, when all are out) is held,
 * the mutex locked, until that close has returned, or HOLD_MS after it began (STALL_MS at most in
 * all). A close that takes the ring's mutex waits for the wait to begin and wakes it; one that sets
 * the closed flag and signals without the mutex comes and goes before anyone waits, and its wakeup
 * is lost, as it is by chance when it lands between a waiter's check and its wait. */
static atomic_long *hold_counter;
static long hold_at;

static void hold_before_waiting(void) {
    if (!hold_counter || atomic_load(hold_counter) != hold_at || atomic_load(&state->holding)) return;
    atomic_store(&state->holding, 1);
    long until = now_ms() + STALL_MS, closing_since = 0;
    while (!atomic_load(&state->close_returned) && now_ms() < until) {
        if (atomic_load(&state->closed) && !closing_since) closing_since = now_ms();
        if (closing_since && now_ms() - closing_since >= HOLD_MS) break;
        usleep(1000);
    }
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex) {
    if (spurious()) return 0;
    hold_before_waiting();
    return real_cond_wait(cond, mutex);
}

int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *deadline) {
    if (spurious()) return 0;
    hold_before_waiting();
    return real_cond_timedwait(cond, mutex, deadline);
}

/* ---- messages ---- */
static uint32_t mix(uint32_t producer, uint32_t sequence) {
    uint32_t x = producer * 0x9E3779B1u ^ sequence;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    return x;
}

/* Message `sequence`: its number in the first 8 bytes, then words that depend on it and their place. */
static void fill(unsigned char *message, uint64_t sequence) {
    memcpy(message, &sequence, 8);
    uint64_t word = (uint64_t)mix(1, (uint32_t)sequence) << 32 | mix(2, (uint32_t)sequence);
    for (long at = 8; at < message_size; at += 8) {
        uint64_t value = word ^ (uint64_t)at * 0x9E3779B97F4A7C15u;
        memcpy(message + at, &value, message_size - at < 8 ? (size_t)(message_size - at) : 8);
    }
}

/* ---- a child's failure: the first is kept for the parent's report, and the child ends ---- */
static void child_fail(const char *format, ...) __attribute__((format(printf, 1, 2), noreturn));
static void child_fail(const char *format, ...) {
    int expected = 0;
    if (atomic_compare_exchange_strong(&state->failing, &expected, 1)) {
        va_list args;
        va_start(args, format);
        vsnprintf(state->failure, sizeof state->failure, format, args);
        va_end(args);
        atomic_store(&state->failed, 1);
    }
    _exit(0);
}

/* Whether the other process sits in ring_put or ring_get (`*in` is 1) without progress for 20 ms,
 * or is held at its wait (hold_before_waiting), waiting at most 2 s. */
static int other_is_waiting(atomic_int *in) {
    for (long until = now_ms() + STALL_MS; now_ms() < until;) {
        if (atomic_load(&state->holding)) return 1;
        long progress = atomic_load(&state->progress);
        usleep(20 * 1000);
        if (atomic_load(&state->holding) || (atomic_load(in) == 1 && atomic_load(&state->progress) == progress)) return 1;
    }
    return 0;
}

/* ---- the children: the ring anew at an address of their own, no descriptor of the parent's ---- */
static void *enter_child(void *parent_ring) {
    void *ring = mmap(NULL, ring_size, PROT_READ | PROT_WRITE, MAP_SHARED, ring_fd, 0);
    if (ring == MAP_FAILED) child_fail("harness: cannot map the ring in a child (%s)", strerror(errno));
    munmap(parent_ring, ring_size);
    DIR *fds = opendir("/proc/self/fd");
    if (fds) {
        int listing = dirfd(fds), close_these[256], count = 0;
        for (struct dirent *entry; (entry = readdir(fds)) && count < 256;) {
            int fd = atoi(entry->d_name);
            if (entry->d_name[0] != '.' && fd > 2 && fd != ring_fd && fd != listing) close_these[count++] = fd;
        }
        closedir(fds);
        for (int i = 0; i < count; i++) close(close_these[i]);
    }
    return ring;
}

/* Every call into ring_put and ring_get is watched: the watchdog names a call that blocks. */
static int watched_put(void *ring, const void *message) {
    atomic_fetch_add(&state->in_put, 1);
    int result = ring_put(ring, message);
    atomic_fetch_sub(&state->in_put, 1);
    return result;
}

static int watched_get(void *ring, void *message) {
    atomic_fetch_add(&state->in_get, 1);
    int result = ring_get(ring, message);
    atomic_fetch_sub(&state->in_get, 1);
    return result;
}

static void producer_process(void *ring) {
    if (mode == 1) hold_counter = &state->puts_done, hold_at = capacity;
    unsigned char *message = malloc((size_t)message_size);
    if (!message) child_fail("harness: out of memory");
    for (long s = 0; s < messages; s++) {
        if (producer_pause_us) usleep((useconds_t)producer_pause_us);
        fill(message, (uint64_t)s);
        int result = watched_put(ring, message);
        atomic_fetch_add(&state->progress, 1);
        if (mode == 1 && s == capacity) {
            if (result == 0)
                child_fail("ring_put returned 0 for a message that waited on a full ring until the ring was closed: a put waiting when the ring is closed must return -1 without adding its message.");
            atomic_store(&state->producer_done, 1);
            return;
        }
        if (result != 0)
            child_fail("ring_put returned %d on an open ring with room (or soon to have room): it must wait until there is room (after every wakeup, check the ring again: while, not if).", result);
        /* The ring holds a copy: the caller's buffer is its own again. */
        memset(message, 0xA5, (size_t)message_size);
        atomic_fetch_add(&state->accepted, 1);
        long held = atomic_fetch_add(&state->puts_done, 1) + 1 - atomic_load(&state->gets_started);
        if (held > capacity)
            child_fail("The ring held at least %ld messages at once; its capacity is %ld: ring_put must wait while the ring is full.", held, capacity);
    }
    if (mode == 2 && !other_is_waiting(&state->in_get))
        child_fail("The consumer did not wait in ring_get once the ring was empty: it must wait while the ring is empty and open.");
    atomic_store(&state->closed, 1);
    ring_close(ring);
    atomic_store(&state->close_returned, 1);
    ring_close(ring);
    fill(message, AFTER_CLOSE);
    if (watched_put(ring, message) != -1) child_fail("ring_put on a closed ring must return -1 (also after a second ring_close).");
    atomic_store(&state->producer_done, 1);
}

/* Checks the message the consumer got as its `next`th. */
static void check_message(const unsigned char *message, unsigned char *expected, long next) {
    uint64_t sequence;
    memcpy(&sequence, message, 8);
    if (sequence == AFTER_CLOSE)
        child_fail("A message put after ring_close came out of ring_get: ring_put on a closed ring must return -1 without adding it.");
    if (sequence != (uint64_t)next) {
        if (sequence < (uint64_t)next)
            child_fail("Message %llu came out again, after message %ld: each message must come out exactly once, in the order it went in.", (unsigned long long)sequence, next - 1);
        if (sequence < (uint64_t)messages)
            child_fail("Message %llu came out where message %ld was expected: messages were lost or reordered (the ring is first in, first out).", (unsigned long long)sequence, next);
        child_fail("ring_get gave message %ld bytes that no message had (its first 8 bytes read %llu): a message taken from an empty ring, or a slot read before it was written.", next,
                   (unsigned long long)sequence);
    }
    fill(expected, sequence);
    for (long at = 0; at < message_size; at++) {
        if (message[at] != expected[at])
            child_fail("Message %ld came out with byte %ld wrong (0x%02x where 0x%02x was put): a slot read before its message was completely written, or overwritten before it was read, or a copy of the wrong length or offset.",
                       next, at, message[at], expected[at]);
    }
}

static void consumer_process(void *ring) {
    if (mode == 2) hold_counter = &state->gets_done, hold_at = messages;
    unsigned char *message = malloc((size_t)message_size), *expected = malloc((size_t)message_size);
    if (!message || !expected) child_fail("harness: out of memory");
    if (consumer_start_ms) usleep((useconds_t)(consumer_start_ms * 1000));
    if (mode == 1) {
        /* The producer filled the ring and waits for room: exactly `capacity` messages went in. */
        if (!other_is_waiting(&state->in_put))
            child_fail("With nobody taking messages out, the producer put all %ld without waiting (or never settled): ring_put must wait while the ring is full.", atomic_load(&state->puts_done));
        long in = atomic_load(&state->puts_done);
        if (in != capacity)
            child_fail("ring_put waited on a ring holding %ld message(s); a ring of capacity %ld must take %ld before put waits.", in, capacity, capacity);
        atomic_store(&state->closed, 1);
        atomic_store(&state->consumer_started, 1);
        ring_close(ring);
        atomic_store(&state->close_returned, 1);
        /* The close alone must wake the waiting put: nothing is taken out until it has returned. */
        while (atomic_load(&state->in_put)) usleep(1000);
    }
    atomic_store(&state->consumer_started, 1);
    long next = 0;
    uint32_t checksum = 0;
    for (;;) {
        memset(message, 0x5A, (size_t)message_size);
        atomic_fetch_add(&state->gets_started, 1);
        int result = watched_get(ring, message);
        atomic_fetch_add(&state->progress, 1);
        if (result != 0) {
            if (!atomic_load(&state->closed))
                child_fail("ring_get returned %d on an open ring: it must wait until a message arrives (after every wakeup, check the ring again: while, not if).", result);
            break;
        }
        atomic_fetch_add(&state->gets_done, 1);
        check_message(message, expected, next);
        checksum += mix(1, (uint32_t)next);
        next++;
        atomic_store(&state->delivered, next);
    }
    if (watched_get(ring, message) != -1) child_fail("ring_get on a closed, empty ring must return -1 (also when called again).");
    /* Closing again, from the other side, changes nothing. */
    ring_close(ring);
    fill(message, AFTER_CLOSE);
    if (watched_put(ring, message) != -1) child_fail("ring_put on a closed ring must return -1 (also after a second ring_close).");
    atomic_store(&state->checksum, checksum);
    atomic_store(&state->consumer_done, 1);
}

static pid_t start(void (*body)(void *), void *parent_ring) {
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "harness: fork failed (%s)\n", strerror(errno));
        exit(2);
    }
    if (pid == 0) {
        body(enter_child(parent_ring));
        _exit(0);
    }
    return pid;
}

static const char *process_name(pid_t pid, pid_t producer) {
    return pid == producer ? "producer" : "consumer";
}

static void write_report(void) {
    report_number("delivered", atomic_load(&state->delivered));
    report_number("accepted", atomic_load(&state->accepted));
    report_number("checksum", atomic_load(&state->checksum));
    report_end();
}

int main(void) {
    report_begin();
    if (scanf("%ld %ld %ld %ld %ld %u %d", &capacity, &message_size, &messages, &producer_pause_us, &consumer_start_ms, &spurious_permille, &mode) != 7 || capacity < 1 ||
        capacity > MAX_CAPACITY || message_size < MIN_SIZE || message_size > MAX_SIZE || messages < 0 || messages > MAX_MESSAGES || producer_pause_us < 0 ||
        producer_pause_us > 1000000 || consumer_start_ms < 0 || consumer_start_ms > 1000 || spurious_permille > 1000 || mode < 0 || mode > 2 ||
        (mode == 1 && messages <= capacity)) {
        fprintf(stderr, "harness: bad scenario\n");
        return 2;
    }
    real_cond_wait = (cond_wait_fn)dlsym(RTLD_NEXT, "pthread_cond_wait");
    real_cond_timedwait = (cond_timedwait_fn)dlsym(RTLD_NEXT, "pthread_cond_timedwait");
    state = mmap(NULL, sizeof *state, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (state == MAP_FAILED) {
        fprintf(stderr, "harness: cannot map its state (%s)\n", strerror(errno));
        return 2;
    }

    size_t asked = ring_bytes((size_t)capacity, (size_t)message_size);
    size_t least = (size_t)capacity * (size_t)message_size;
    if (asked < least || asked > least + MAX_OVERHEAD) {
        report_fail("ring_bytes(%ld, %ld) returned %zu: a ring of %ld messages of %ld bytes needs at least %zu bytes, and at most 1 MiB more for its header.", capacity, message_size, asked, capacity,
                    message_size, least);
        write_report();
        _exit(0);
    }
    long page = sysconf(_SC_PAGESIZE);
    ring_size = (asked + (size_t)page - 1) / (size_t)page * (size_t)page;
    ring_fd = memfd_create("osprep-ring", MFD_CLOEXEC);
    void *ring = ring_fd < 0 || ftruncate(ring_fd, (off_t)ring_size) != 0 ? MAP_FAILED : mmap(NULL, ring_size, PROT_READ | PROT_WRITE, MAP_SHARED, ring_fd, 0);
    if (ring == MAP_FAILED) {
        fprintf(stderr, "harness: cannot map the ring (%s)\n", strerror(errno));
        return 2;
    }
    if (ring_init(ring, (size_t)capacity, (size_t)message_size) != 0) {
        report_fail("ring_init returned -1 for %ld messages of %ld bytes in %zu bytes of shared memory.", capacity, message_size, asked);
        write_report();
        _exit(0);
    }
    fflush(NULL);
    pid_t producer = start(producer_process, ring), consumer = start(consumer_process, ring);

    /* ---- the parent: reaps both, and watches for no progress (a deadlock or a wakeup that never came) ---- */
    int remaining = 2, crashed = 0, stopped = 0;
    long last = -1, last_change = now_ms();
    while (remaining > 0) {
        int status;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid == producer || pid == consumer) {
            remaining--;
            int done = atomic_load(pid == producer ? &state->producer_done : &state->consumer_done);
            if (!stopped && !atomic_load(&state->failed) && !done) {
                if (WIFSIGNALED(status)) {
                    crashed = WTERMSIG(status);
                    fprintf(stderr, "harness: the %s process was killed by signal %d (%s) in your code\n", process_name(pid, producer), crashed, strsignal(crashed));
                } else
                    report_fail("The %s process ended inside your code (exit status %d) before the harness was done with it: your code must return to the harness, not exit.", process_name(pid, producer),
                                WEXITSTATUS(status));
                kill(pid == producer ? consumer : producer, SIGKILL);
                stopped = 1;
            }
            continue;
        }
        usleep(10 * 1000);
        if (stopped) continue;
        if (atomic_load(&state->failed)) {
            /* The failing process has ended; the other might wait for it for ever. */
            kill(producer, SIGKILL), kill(consumer, SIGKILL), stopped = 1;
            continue;
        }
        long now = atomic_load(&state->progress);
        if (now != last || !atomic_load(&state->consumer_started)) {
            last = now, last_change = now_ms();
            continue;
        }
        if (now_ms() - last_change < STALL_MS) continue;
        int putting = atomic_load(&state->in_put), getting = atomic_load(&state->in_get);
        if (!putting && !getting) continue; /* the harness itself is between steps */
        const char *where = putting && getting ? "the producer waiting in ring_put and the consumer in ring_get" : putting ? "the producer waiting in ring_put" : "the consumer waiting in ring_get";
        if (atomic_load(&state->closed))
            report_fail("%d s after ring_close, %s: a close must wake whoever waits, in either process (take the ring's mutex to set the flag, then broadcast), and a put or get woken by it must return -1, not wait again (a get only once the ring is empty).",
                        STALL_MS / 1000, where);
        else
            report_fail("No progress for %d s: %s, about %ld message(s) in the ring (capacity %ld). A deadlock, or a wakeup that never reached the other process: are the ring's indices, closed flag, locks and conditions all in the shared memory, and the locks and conditions process-shared?",
                        STALL_MS / 1000, where, atomic_load(&state->puts_done) - atomic_load(&state->gets_done), capacity);
        kill(producer, SIGKILL), kill(consumer, SIGKILL), stopped = 1;
    }
    if (crashed) {
        /* The run ends as the child did: a crash is a runtime error, a kill at a limit the limit's. */
        signal(crashed, SIG_DFL);
        raise(crashed);
        _exit(128 + crashed);
    }
    if (atomic_load(&state->failed)) report_fail("%s", state->failure);
    if (!report_failed() && atomic_load(&state->delivered) != atomic_load(&state->accepted))
        report_fail("%ld message(s) were put but %ld came out: messages were lost or invented.", atomic_load(&state->accepted), atomic_load(&state->delivered));
    if (!stopped) ring_destroy(ring);
    write_report();
    _exit(0);
}
