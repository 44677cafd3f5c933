/* The test harness (read-only): runs producer and consumer threads against your buffer and checks
 * every item arrives exactly once, in order, without the buffer ever holding more than its
 * capacity, that close wakes everyone and that closing twice is harmless. It owns main and writes its report on its own
 * descriptor (report.c): print to stderr if you want to debug (stdout goes there too).
 *
 * Input: a nonce line, then "P C CAPACITY N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE":
 * P producers put N items each (pausing between puts), C consumers get until the buffer is closed
 * and empty (starting late if asked); MODE 1 instead closes the buffer while producers wait on it.
 * Like POSIX allows, some of your pthread_cond_wait calls return without a signal. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "report.h"

#define MAX_THREADS 32
#define STALL_MS 2000
/* A run that has failed ends this long after: a race can keep it busy forever (a count gone wrong). */
#define FAILED_GRACE_MS 1000

static int producers, consumers, mode;
static long capacity, items, producer_pause_us, consumer_start_ms;
static bbuf *buffer;

static atomic_long puts_done, gets_started, gets_done, accepted, in_put, in_get, progress;
static atomic_int closed;
static atomic_uchar *seen; /* producers × items: how often each item was delivered */
static uint32_t checksums[MAX_THREADS];
static long delivered[MAX_THREADS];

/* ---- spurious wakeups: some waits return at once, as POSIX allows ---- */
typedef int (*cond_wait_fn)(pthread_cond_t *, pthread_mutex_t *);
static cond_wait_fn real_cond_wait;
static unsigned spurious_permille;
static _Thread_local uint32_t random_state = 0x2545F491u;

static uint32_t next_random(void) {
    random_state ^= random_state << 13;
    random_state ^= random_state >> 17;
    random_state ^= random_state << 5;
    return random_state;
}

static int spurious(void) {
    return spurious_permille && next_random() % 1000 < spurious_permille;
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex) {
    if (spurious()) {
        pthread_mutex_unlock(mutex);
        sched_yield();
        pthread_mutex_lock(mutex);
        return 0;
    }
    return real_cond_wait(cond, mutex);
}

/* The timed and C11 waits may wake spuriously too. */
typedef int (*cond_timedwait_fn)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
static cond_timedwait_fn real_cond_timedwait;

int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *deadline) {
    if (spurious()) {
        pthread_mutex_unlock(mutex);
        sched_yield();
        pthread_mutex_lock(mutex);
        return 0;
    }
    return real_cond_timedwait(cond, mutex, deadline);
}

typedef int (*cnd_wait_fn)(cnd_t *, mtx_t *);
typedef int (*cnd_timedwait_fn)(cnd_t *, mtx_t *, const struct timespec *);
static cnd_wait_fn real_cnd_wait;
static cnd_timedwait_fn real_cnd_timedwait;

int cnd_wait(cnd_t *cond, mtx_t *mutex) {
    if (spurious()) {
        mtx_unlock(mutex);
        thrd_yield();
        mtx_lock(mutex);
        return thrd_success;
    }
    return real_cnd_wait(cond, mutex);
}

int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mutex, const struct timespec *restrict deadline) {
    if (spurious()) {
        mtx_unlock(mutex);
        thrd_yield();
        mtx_lock(mutex);
        return thrd_success;
    }
    return real_cnd_timedwait(cond, mutex, deadline);
}

/* ---- the report ---- */
static uint32_t mix(uint32_t producer, uint32_t sequence) {
    uint32_t x = producer * 0x9E3779B1u ^ sequence;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    return x;
}

static void write_report(void) {
    uint32_t checksum = 0;
    long total = 0;
    for (int c = 0; c < MAX_THREADS; c++) checksum += checksums[c], total += delivered[c];
    report_number("delivered", total);
    report_number("accepted", atomic_load(&accepted));
    report_number("checksum", checksum);
    report_end();
}

/* ---- watchdog: no progress for STALL_MS means a deadlock or a lost wakeup; a failed run ends soon ---- */
static void *watchdog(void *arg) {
    (void)arg;
    long last = -1;
    int still = 0, failed_for = 0;
    for (;;) {
        usleep(50 * 1000);
        if (report_failed() && ++failed_for * 50 >= FAILED_GRACE_MS) {
            /* The first failure is the one reported; items a broken buffer keeps producing change nothing. */
            write_report();
            _exit(0);
        }
        long now = atomic_load(&progress);
        if (now != last) {
            last = now, still = 0;
            continue;
        }
        if (++still * 50 < STALL_MS) continue;
        long putting = atomic_load(&in_put), getting = atomic_load(&in_get);
        if (putting == 0 && getting == 0) continue; /* the harness itself is between steps */
        if (atomic_load(&closed))
            report_fail("After bbuf_close, %ld thread(s) were still waiting in bbuf_put and %ld in bbuf_get for %d s: close must wake every waiting thread, and a get on a closed, empty buffer must return -1.", putting, getting, STALL_MS / 1000);
        else
            report_fail("No progress for %d s: %ld producer(s) waiting in bbuf_put, %ld consumer(s) waiting in bbuf_get, about %ld item(s) in the buffer (capacity %ld). A deadlock, or a wakeup that was never sent: after a put, a waiting get must be woken, and after a get, a waiting put.",
                 STALL_MS / 1000, putting, getting, atomic_load(&puts_done) - atomic_load(&gets_done), capacity);
        write_report();
        _exit(0);
    }
    return NULL;
}

/* ---- producers and consumers ---- */
static void *producer(void *arg) {
    long p = (long)(intptr_t)arg;
    for (long s = 0; s < items; s++) {
        if (producer_pause_us) usleep((useconds_t)producer_pause_us);
        atomic_fetch_add(&in_put, 1);
        int result = bbuf_put(buffer, (p << 32) | s);
        atomic_fetch_sub(&in_put, 1);
        atomic_fetch_add(&progress, 1);
        if (result != 0) {
            if (!atomic_load(&closed)) report_fail("bbuf_put returned %d on an open buffer: it must wait until there is room (after every wakeup, check the buffer again: while, not if).", result);
            return NULL; /* closed: this producer stops */
        }
        atomic_fetch_add(&accepted, 1);
        long held = atomic_fetch_add(&puts_done, 1) + 1 - atomic_load(&gets_started);
        if (held > capacity) report_fail("The buffer held at least %ld items at once; its capacity is %ld: bbuf_put must wait while the buffer is full.", held, capacity);
    }
    return NULL;
}

static long *last_sequence; /* consumers × producers: the last sequence number each consumer saw from each producer */

static void take(int c, long item) {
    long p = item >> 32, s = item & 0xffffffffL;
    if (item < 0 || p >= producers || s >= items) {
        report_fail("bbuf_get returned %ld, which no producer put: an item taken from an empty buffer (check the buffer again after every wakeup: while, not if) or a broken index.", item);
        return;
    }
    unsigned char times = atomic_fetch_add(&seen[p * items + s], 1) + 1;
    if (times > 1) report_fail("Item %ld of producer %ld was delivered %u times: each item must be taken once.", s, p, times);
    long *last = &last_sequence[c * producers + p];
    if (s <= *last) report_fail("A consumer got item %ld of producer %ld after its item %ld: items must come out in the order they went in (first in, first out).", s, p, *last);
    *last = s;
    checksums[c] += mix((uint32_t)p, (uint32_t)s);
    delivered[c]++;
}

static void *consumer(void *arg) {
    int c = (int)(intptr_t)arg;
    if (consumer_start_ms) usleep((useconds_t)(consumer_start_ms * 1000));
    for (;;) {
        long item = -1;
        atomic_fetch_add(&gets_started, 1);
        atomic_fetch_add(&in_get, 1);
        int result = bbuf_get(buffer, &item);
        atomic_fetch_sub(&in_get, 1);
        atomic_fetch_add(&progress, 1);
        if (result != 0) {
            if (!atomic_load(&closed)) report_fail("bbuf_get returned %d on an open buffer: it must wait until an item arrives (after every wakeup, check the buffer again: while, not if).", result);
            return NULL;
        }
        atomic_fetch_add(&gets_done, 1);
        take(c, item);
    }
}

/* A closed buffer refuses puts; a closed, drained one refuses gets; closing again changes nothing. */
static void after_close(int drained) {
    long item = 0;
    bbuf_close(buffer);
    atomic_fetch_add(&in_get, 1);
    if (bbuf_put(buffer, 1) != -1) report_fail("bbuf_put on a closed buffer must return -1 (also after a second bbuf_close).");
    if (drained && bbuf_get(buffer, &item) != -1) report_fail("bbuf_get on a closed, empty buffer must return -1 (also after a second bbuf_close).");
    atomic_fetch_sub(&in_get, 1);
}

int main(void) {
    report_begin();
    if (scanf("%d %d %ld %ld %ld %ld %u %d", &producers, &consumers, &capacity, &items, &producer_pause_us, &consumer_start_ms, &spurious_permille, &mode) != 8 ||
        producers < 1 || producers > MAX_THREADS || consumers < 0 || consumers > MAX_THREADS || capacity < 1 || items < 1) {
        fprintf(stderr, "harness: bad scenario\n");
        return 2;
    }
    /* Under TSan: its interceptors. */
    real_cond_wait = (cond_wait_fn)dlsym(RTLD_NEXT, "pthread_cond_wait");
    real_cond_timedwait = (cond_timedwait_fn)dlsym(RTLD_NEXT, "pthread_cond_timedwait");
    real_cnd_wait = (cnd_wait_fn)dlsym(RTLD_NEXT, "cnd_wait");
    real_cnd_timedwait = (cnd_timedwait_fn)dlsym(RTLD_NEXT, "cnd_timedwait");
    seen = calloc((size_t)producers * (size_t)items, 1);
    last_sequence = malloc(sizeof(long) * MAX_THREADS * MAX_THREADS);
    for (int i = 0; i < MAX_THREADS * MAX_THREADS; i++) last_sequence[i] = -1;
    buffer = bbuf_create((size_t)capacity);
    if (!real_cond_wait || !real_cond_timedwait || !real_cnd_wait || !real_cnd_timedwait || !seen || !last_sequence || !buffer) {
        fprintf(stderr, "harness: out of memory, or bbuf_create returned NULL\n");
        return 3;
    }
    pthread_t watcher, producer_threads[MAX_THREADS], consumer_threads[MAX_THREADS];
    pthread_create(&watcher, NULL, watchdog, NULL);
    for (int c = 0; c < consumers; c++) pthread_create(&consumer_threads[c], NULL, consumer, (void *)(intptr_t)c);
    for (int p = 0; p < producers; p++) pthread_create(&producer_threads[p], NULL, producer, (void *)(intptr_t)p);

    if (mode == 1) {
        /* Producers fill the buffer and wait; closing must wake them with -1. */
        while (atomic_load(&in_put) < producers && atomic_load(&accepted) < (long)producers * items) usleep(1000);
        usleep(50 * 1000);
        atomic_store(&closed, 1);
        bbuf_close(buffer);
        for (int p = 0; p < producers; p++) pthread_join(producer_threads[p], NULL);
        after_close(0);
        long item = 0;
        atomic_fetch_add(&in_get, 1);
        while (bbuf_get(buffer, &item) == 0) {
            atomic_fetch_add(&progress, 1);
            take(0, item);
        }
        atomic_fetch_sub(&in_get, 1);
    } else {
        for (int p = 0; p < producers; p++) pthread_join(producer_threads[p], NULL);
        atomic_store(&closed, 1);
        /* Closing twice is harmless: consumers still drain what is inside, then stop. */
        bbuf_close(buffer);
        bbuf_close(buffer);
        for (int c = 0; c < consumers; c++) pthread_join(consumer_threads[c], NULL);
        after_close(1);
    }
    long total = 0;
    for (int c = 0; c < MAX_THREADS; c++) total += delivered[c];
    if (!report_failed() && total != atomic_load(&accepted))
        report_fail("%ld item(s) were put but %ld came out: items were lost or invented.", atomic_load(&accepted), total);
    bbuf_destroy(buffer);
    write_report();
    _exit(0);
}
