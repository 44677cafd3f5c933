/* The test harness (read-only): runs thread programs on your library in a child process, records
 * which thread ran at every step, and checks the order against round-robin as uthread.h defines it,
 * computed here by a model of the scheduler. On the way it checks what a context switch must keep:
 * every thread's stack (a canary on it, and up to STACK_KIB KiB used at the deepest yield), the
 * registers a function keeps across a call (rbx, rbp, r12 to r15), the stack's alignment, the ids,
 * what join returns, and that every thread runs on the process's one kernel thread. It owns main and
 * writes its report on its own descriptor (report.c): print to stderr if you want to debug (stdout
 * goes there too).
 *
 * Input: a nonce line, then "MODE THREADS STEPS TOTAL STACK_KIB SEED".
 * MODE 0: random programs. main creates THREADS threads; every thread then takes up to STEPS random
 *   steps (yield, create a child while fewer than TOTAL threads were created, join its oldest child,
 *   yield from STACK_KIB KiB down its stack, yield with values held in registers), joins its
 *   remaining children, and ends by returning or by uthread_exit from a few calls down.
 * MODE 1: many threads. main keeps up to THREADS threads alive until it has created TOTAL, joining
 *   the oldest to make room; each thread yields STEPS times and ends.
 * MODE 2: a stack overflow. main creates THREADS threads, which yield STEPS times; on its second step
 *   thread THREADS recurses until it runs past its stack, and your library must report it and end
 *   the process. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "report.h"
#include "uthread.h"

#define STALL_MS 2000
#define MAX_THREADS 200000
#define MAX_STEPS 1000
#define MAX_STACK_KIB 56
#define MAX_EVENTS 4000000L
/* How many children a thread of MODE 0 keeps unjoined before a random step may create another. */
#define MAX_OPEN_CHILDREN 16
/* A thread that recurses this deep (1 KiB a call) without a fault has no guard page below its stack. */
#define OVERFLOW_LIMIT_KIB (16 * 1024)
#define OVERFLOW_MESSAGE_SIZE 65536

/* ---- the scenario, and the programs the threads run (the same code drives the model) ---- */
struct scenario {
    int mode, threads, steps, total, stack_kib;
    uint32_t seed;
};

enum kind { YIELD, WORK, CREATE, JOIN, DEEP_YIELD, REGISTERS_YIELD, OVERFLOW, END };
static const char *const KIND_NAMES[] = {"yielded", "did some work without a call", "created a thread", "joined", "yielded from deep down its stack",
                                         "yielded holding values in registers", "began to overflow its stack", "finished"};

struct action {
    enum kind kind;
    int target; /* JOIN: the child joined */
};

struct program {
    int id, steps_left, creates_left, steps_taken, exit_depth;
    uint32_t random;
    int first_child, last_child, child_count; /* unjoined children, oldest first, linked by next_sibling */
};

/* What a program's choices depend on beyond itself: how many threads were created so far. */
struct world {
    const struct scenario *scenario;
    int created;
    int *next_sibling; /* per child id: the next younger unjoined child of the same parent, or 0 */
};

static uint32_t next_random(uint32_t *state) {
    uint32_t z = (*state += 0x9E3779B9u);
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
}

static void program_init(struct program *p, int id, const struct scenario *s) {
    memset(p, 0, sizeof *p);
    p->id = id;
    p->random = s->seed ^ ((uint32_t)id * 0x9E3779B1u);
    if (id == 0) {
        p->creates_left = s->mode == 1 ? 0 : s->threads;
        p->steps_left = s->mode == 1 ? 0 : s->steps;
    } else if (s->mode == 0) {
        p->steps_left = 1 + (int)(next_random(&p->random) % (uint32_t)s->steps);
        p->exit_depth = (int)(next_random(&p->random) % 4);
    } else {
        p->steps_left = s->steps;
        p->exit_depth = id % 4;
    }
}

static void program_created(struct program *p, int child, struct world *w) {
    w->next_sibling[child] = 0;
    if (p->last_child) w->next_sibling[p->last_child] = child;
    else p->first_child = child;
    p->last_child = child;
    p->child_count++;
}

static int program_oldest_child(struct program *p, struct world *w) {
    int child = p->first_child;
    p->first_child = w->next_sibling[child];
    if (!p->first_child) p->last_child = 0;
    p->child_count--;
    return child;
}

/* The program's next step. A CREATE is completed by program_created with the new thread's id. */
static struct action decide(struct program *p, struct world *w) {
    const struct scenario *s = w->scenario;
    p->steps_taken++;
    if (p->creates_left > 0) {
        p->creates_left--;
        return (struct action){CREATE, 0};
    }
    if (s->mode == 1 && p->id == 0 && w->created < s->total && p->child_count < s->threads) return (struct action){CREATE, 0};
    if (p->steps_left > 0) {
        p->steps_left--;
        if (s->mode == 2) return (struct action){p->id == s->threads && p->steps_taken == 2 ? OVERFLOW : YIELD, 0};
        if (s->mode != 0) return (struct action){YIELD, 0};
        uint32_t r = next_random(&p->random) % 100;
        if (r < 50) return (struct action){YIELD, 0};
        if (r < 60) return (struct action){WORK, 0};
        if (r < 72) return (struct action){w->created < s->total && p->child_count < MAX_OPEN_CHILDREN ? CREATE : YIELD, 0};
        if (r < 84) return p->child_count > 0 ? (struct action){JOIN, program_oldest_child(p, w)} : (struct action){WORK, 0};
        if (r < 92) return (struct action){DEEP_YIELD, 0};
        return (struct action){REGISTERS_YIELD, 0};
    }
    if (p->child_count > 0) return (struct action){JOIN, program_oldest_child(p, w)};
    return (struct action){END, 0};
}

/* What thread `id` returns (or passes to uthread_exit), as its joiner checks it. */
static void *result_of(int id) {
    return (void *)(uintptr_t)(0x5EED0000u ^ (uint32_t)id * 2654435761u);
}

/* ---- what the child process and the parent share ---- */
enum call { NO_CALL, CALL_INIT, CALL_CREATE, CALL_YIELD, CALL_JOIN, CALL_EXIT, CALL_RETURN };

struct shared_state {
    atomic_long events;   /* steps recorded in trace (the watchdog's progress) */
    atomic_int call;      /* the library call in progress */
    atomic_int call_thread, call_target;
    atomic_int created, alive, most_alive;
    atomic_int overflowing; /* MODE 2: the thread recursing past its stack */
    atomic_int finished;    /* main's program ended and the checks after it passed or failed */
    atomic_int failing, failed;
    char failure[1024];
};

static struct shared_state *state;
static uint32_t *trace; /* the thread that took each step, in order */
static struct scenario scenario;

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The child's failures reach the parent through the shared state; the first one wins. */
__attribute__((format(printf, 1, 2))) static void fail(const char *format, ...) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&state->failing, &expected, 1)) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(state->failure, sizeof state->failure, format, arguments);
    va_end(arguments);
    atomic_store(&state->failed, 1);
}

/* After a failure the child stops at once: its threads may be in any state. */
static void fail_and_stop(void) {
    fflush(NULL);
    _exit(0);
}

/* ---- the child: your library, driven by the programs ---- */
static struct world world;
static pid_t main_tid;
static volatile uint64_t register_seeds[6] = {0x0123456789ABCDEFull, 0xFEDCBA9876543210ull, 0x0F1E2D3C4B5A6978ull,
                                              0x8796A5B4C3D2E1F0ull, 0x1357924680ACE0BDull, 0x2468ACE013579BDFull};

static void watched(enum call call, int thread, int target) {
    atomic_store(&state->call_thread, thread);
    atomic_store(&state->call_target, target);
    atomic_store(&state->call, call);
}

static void record(int id) {
    long n = atomic_load(&state->events);
    if (n >= MAX_EVENTS) {
        fail("The threads took more than %ld steps, more than the scenario has: a thread ran again after it finished, or a step was repeated.", MAX_EVENTS);
        fail_and_stop();
    }
    trace[n] = (uint32_t)id;
    atomic_store(&state->events, n + 1);
}

static void fill_canary(uint64_t *canary, int id) {
    for (int i = 0; i < 8; i++) canary[i] = 0xC0FFEE0000000000ull ^ ((uint64_t)id << 20) ^ (uint64_t)i * 0x9E3779B97F4A7C15ull;
}

/* The registers message, shared by the two checks that notice them changed. */
#define REGISTERS_CHANGED \
    "Thread %d's registers changed across uthread_yield: a context switch must save and restore the callee-saved registers (rbx, rbp, r12 to r15) and the stack pointer."

/* What every step checks, in the thread taking it, after whatever switched away and back. `p` is the
 * caller's pointer to its program, held in a register; `own` is the same pointer as its frame keeps
 * it, on the stack: they differ when a switch lost the registers. */
static void check_thread(struct program *p, struct program *own, volatile uint64_t *canary) {
    if (p != own) {
        fail(REGISTERS_CHANGED, own->id);
        fail_and_stop();
    }
    int self = uthread_self();
    if (self != p->id) {
        fail("uthread_self() returned %d in thread %d.", self, p->id);
        fail_and_stop();
    }
    for (int i = 0; i < 8; i++) {
        uint64_t expected = 0xC0FFEE0000000000ull ^ ((uint64_t)p->id << 20) ^ (uint64_t)i * 0x9E3779B97F4A7C15ull;
        if (canary[i] != expected) {
            fail("Thread %d's stack changed under it: a value it keeps on its stack was overwritten while other threads ran. Does every thread have a stack of its own, %d KiB, that no other thread's overlaps?",
                 p->id, UTHREAD_STACK_SIZE / 1024);
            fail_and_stop();
        }
    }
    /* gettid costs a system call: checked on a thread's first steps and every 64th. */
    if ((p->steps_taken < 3 || (p->steps_taken & 63) == 0) && (pid_t)syscall(SYS_gettid) != main_tid) {
        fail("Thread %d ran on another kernel thread than main: user-level threads all run on the process's one kernel thread, switched by your code (swapcontext or a switch of your own), not pthread_create or clone.",
             p->id);
        fail_and_stop();
    }
}

/* Yields from `kib` KiB down the stack, and checks on the way back that every frame is intact. */
static int __attribute__((noinline)) deep_yield(int id, int kib) {
    volatile uint8_t frame[1000];
    for (int i = 0; i < 1000; i += 50) frame[i] = (uint8_t)(id * 31 + kib + i);
    int broken = 0;
    if (kib > 1) broken = deep_yield(id, kib - 1);
    else {
        watched(CALL_YIELD, id, 0);
        uthread_yield();
    }
    for (int i = 0; i < 1000; i += 50)
        if (frame[i] != (uint8_t)(id * 31 + kib + i)) broken = 1;
    return broken;
}

/* Six values live across uthread_yield: at -O2 they sit in the six callee-saved registers (rbx, rbp,
 * r12 to r15), which a context switch must save and restore. Returns 1 if one came back changed. */
static int __attribute__((noinline)) registers_survive_yield(int id) {
    uint64_t a = register_seeds[0] ^ (uint64_t)id, b = register_seeds[1] + (uint64_t)id, c = register_seeds[2] * (uint64_t)(id | 1),
             d = register_seeds[3] ^ ((uint64_t)id << 7), e = register_seeds[4] - (uint64_t)id, f = register_seeds[5] ^ ((uint64_t)id << 33);
    watched(CALL_YIELD, id, 0);
    uthread_yield();
    /* The seeds are volatile: read again, they cannot stand in for the registers. */
    return a != (register_seeds[0] ^ (uint64_t)id) || b != register_seeds[1] + (uint64_t)id || c != register_seeds[2] * (uint64_t)(id | 1) ||
           d != (register_seeds[3] ^ ((uint64_t)id << 7)) || e != register_seeds[4] - (uint64_t)id || f != (register_seeds[5] ^ ((uint64_t)id << 33));
}

/* Recurses 1 KiB a call until the stack ends; returns only if it never faulted. */
static int __attribute__((noinline)) overflow(int kib) {
    volatile uint8_t frame[1000];
    for (int i = 0; i < 1000; i += 64) frame[i] = (uint8_t)kib;
    if (kib >= OVERFLOW_LIMIT_KIB) return frame[0];
    return overflow(kib + 1) + frame[500];
}

static void *thread_main(void *arg);

static void create_child(struct program *p) {
    int expected = world.created + 1;
    watched(CALL_CREATE, p->id, expected);
    int id = uthread_create(thread_main, (void *)(intptr_t)expected);
    if (id != expected) {
        if (id == -1)
            fail("uthread_create returned -1 for thread %d with %d threads alive: are the stacks of joined threads freed (munmap), and is a stack %d KiB plus a guard page, not more?", expected,
                 atomic_load(&state->alive), UTHREAD_STACK_SIZE / 1024);
        else fail("uthread_create returned %d for the %d-th thread created: the n-th thread gets id n.", id, expected);
        fail_and_stop();
    }
    world.created = id;
    atomic_store(&state->created, id);
    int alive = atomic_fetch_add(&state->alive, 1) + 1;
    if (alive > atomic_load(&state->most_alive)) atomic_store(&state->most_alive, alive);
    program_created(p, id, &world);
}

static void join_child(struct program *p, int child) {
    void *result = NULL;
    watched(CALL_JOIN, p->id, child);
    int status = uthread_join(child, &result);
    if (status != 0) {
        fail("uthread_join(%d) in thread %d returned %d: thread %d was created by it and not joined yet.", child, p->id, status, child);
        fail_and_stop();
    }
    if (result != result_of(child)) {
        fail("uthread_join(%d) gave %p as the thread's result; it returned %p.", child, result, result_of(child));
        fail_and_stop();
    }
    atomic_fetch_sub(&state->alive, 1);
}

/* A thread's (and main's) program, step by step. */
static void run_program(struct program *p, volatile uint64_t *canary) {
    struct program *volatile own = p;
    for (;;) {
        struct action action = decide(p, &world);
        record(p->id);
        check_thread(p, own, canary);
        switch (action.kind) {
        case YIELD:
            watched(CALL_YIELD, p->id, 0);
            uthread_yield();
            break;
        case WORK:
            break;
        case CREATE:
            create_child(p);
            break;
        case JOIN:
            join_child(p, action.target);
            break;
        case DEEP_YIELD:
            if (deep_yield(p->id, scenario.stack_kib)) {
                fail("Thread %d's stack changed under it while it yielded %d KiB down: do stacks overlap, or hold less than %d KiB?", p->id, scenario.stack_kib, UTHREAD_STACK_SIZE / 1024);
                fail_and_stop();
            }
            break;
        case REGISTERS_YIELD:
            if (registers_survive_yield(p->id)) {
                fail(REGISTERS_CHANGED, p->id);
                fail_and_stop();
            }
            break;
        case OVERFLOW:
            fflush(NULL);
            atomic_store(&state->overflowing, p->id);
            overflow(1);
            fail("Thread %d used %d MiB of stack without a fault: there is no guard page below its stack (mprotect a page PROT_NONE under each stack).", p->id, OVERFLOW_LIMIT_KIB / 1024);
            fail_and_stop();
            break;
        case END:
            return;
        }
        check_thread(p, own, canary);
        watched(NO_CALL, p->id, 0);
    }
}

static void __attribute__((noreturn, noinline)) exit_from(int id, int depth) {
    volatile int frame[16];
    frame[0] = depth;
    if (depth > 1) exit_from(id, frame[0] - 1);
    watched(CALL_EXIT, id, 0);
    uthread_exit(result_of(id));
}

static void *thread_main(void *arg) {
    int id = (int)(intptr_t)arg;
    watched(NO_CALL, id, 0);
    /* The x86-64 ABI: the stack is 16-byte aligned at every call, so this array is too. */
    volatile uint8_t aligned[16] __attribute__((aligned(16)));
    aligned[0] = 1;
    if ((uintptr_t)aligned & 15) {
        fail("Thread %d started on a stack that is not 16-byte aligned (the x86-64 ABI wants the stack pointer at a multiple of 16 before every call, so rsp + 8 is one at a function's first instruction).", id);
        fail_and_stop();
    }
    volatile uint64_t canary[8];
    fill_canary((uint64_t *)canary, id);
    struct program program;
    program_init(&program, id, &scenario);
    run_program(&program, canary);
    if (program.exit_depth) exit_from(id, program.exit_depth);
    watched(CALL_RETURN, id, 0);
    return result_of(id);
}

/* Joins that must fail at once, after every thread has been joined. */
static void check_refused_joins(void) {
    struct {
        int id;
        const char *what;
    } refused[] = {{0, "itself (main)"}, {world.created + 1, "a thread that was never created"}, {1, "thread 1, already joined"}, {-1, "id -1"}};
    for (unsigned i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        watched(CALL_JOIN, 0, refused[i].id);
        long before = atomic_load(&state->events);
        int status = uthread_join(refused[i].id, NULL);
        if (status != -1 || atomic_load(&state->events) != before) {
            fail("uthread_join(%d) from main, joining %s, returned %d%s; it must return -1 at once.", refused[i].id, refused[i].what, status,
                 atomic_load(&state->events) != before ? " after other threads ran" : "");
            fail_and_stop();
        }
    }
}

static void close_other_descriptors(void) {
    DIR *fds = opendir("/proc/self/fd");
    if (!fds) return;
    int listing = dirfd(fds), close_these[256], count = 0;
    for (struct dirent *entry; (entry = readdir(fds)) && count < 256;) {
        int fd = atoi(entry->d_name);
        if (entry->d_name[0] != '.' && fd > 2 && fd != listing) close_these[count++] = fd;
    }
    closedir(fds);
    for (int i = 0; i < count; i++) close(close_these[i]);
}

static void child_process(int output_pipe) {
    if (output_pipe >= 0) {
        dup2(output_pipe, 1);
        dup2(output_pipe, 2);
    }
    close_other_descriptors();
    main_tid = (pid_t)syscall(SYS_gettid);
    world.scenario = &scenario;
    world.next_sibling = calloc((size_t)scenario.total + 1, sizeof *world.next_sibling);
    if (!world.next_sibling) {
        fprintf(stderr, "harness: out of memory\n");
        _exit(2);
    }
    watched(CALL_INIT, 0, 0);
    if (uthread_init() != 0) {
        fail("uthread_init returned -1.");
        fail_and_stop();
    }
    watched(NO_CALL, 0, 0);
    volatile uint64_t canary[8];
    fill_canary((uint64_t *)canary, 0);
    struct program program;
    program_init(&program, 0, &scenario);
    run_program(&program, canary);
    if (scenario.mode == 0) check_refused_joins();
    atomic_store(&state->finished, 1);
    fflush(NULL);
    _exit(0);
}

/* ---- the parent: the model of round-robin, and the comparison ---- */
enum model_state { READY, RUNNING, BLOCKED, FINISHED };

struct model_thread {
    struct program program;
    int state, joiner;
};

/* The most steps the scenario can have (each thread's steps, its end and its joins; main's creates). */
static long step_bound(void) {
    return ((long)scenario.total + 1) * (scenario.steps + 3) + scenario.threads;
}

/* Runs the scenario on the model and returns how many steps it has; or, given a `stop_at` step, runs
 * up to it and fills `order_out` with the order in which the threads would run as it was then (the
 * thread to run next, then the ready queue; at most order_room ids) and `order_length` with its
 * length. */
static long run_model(uint32_t *expected, uint8_t *kinds, int *targets, long stop_at, int *order_out, int order_room, int *order_length) {
    struct model_thread *threads = calloc((size_t)scenario.total + 1, sizeof *threads);
    int *queue = malloc(((size_t)scenario.total + 2) * sizeof *queue);
    struct world w = {&scenario, 0, calloc((size_t)scenario.total + 1, sizeof(int))};
    if (!threads || !queue || !w.next_sibling) {
        fprintf(stderr, "harness: out of memory\n");
        _exit(2);
    }
    size_t room = (size_t)scenario.total + 2, head = 0, tail = 0;
#define PUSH(id) (queue[tail++ % room] = (id))
#define POP() (queue[head++ % room])
    program_init(&threads[0].program, 0, &scenario);
    threads[0].joiner = -1;
    int current = 0;
    long n = 0;
    for (long bound = step_bound(); n < bound; n++) {
        if (n == stop_at) {
            *order_length = 1 + (int)(tail - head);
            order_out[0] = current;
            for (size_t i = head; i < tail && (int)(i - head) + 1 < order_room; i++) order_out[i - head + 1] = queue[i % room];
            break; /* the order is all the caller wants */
        }
        struct action action = decide(&threads[current].program, &w);
        expected[n] = (uint32_t)current;
        kinds[n] = (uint8_t)action.kind;
        targets[n] = action.target;
        switch (action.kind) {
        case YIELD:
        case DEEP_YIELD:
        case REGISTERS_YIELD:
            if (tail != head) PUSH(current), current = POP();
            break;
        case WORK:
            break;
        case CREATE: {
            int id = ++w.created;
            program_init(&threads[id].program, id, &scenario);
            threads[id].joiner = -1;
            program_created(&threads[current].program, id, &w);
            PUSH(id);
            targets[n] = id;
            break;
        }
        case JOIN:
            if (threads[action.target].state != FINISHED) {
                threads[action.target].joiner = current;
                threads[current].state = BLOCKED;
                current = POP();
            }
            break;
        case OVERFLOW:
            free(threads), free(queue), free(w.next_sibling);
            return n + 1;
        case END:
            if (current == 0) {
                free(threads), free(queue), free(w.next_sibling);
                return n + 1;
            }
            threads[current].state = FINISHED;
            if (threads[current].joiner >= 0) PUSH(threads[current].joiner);
            current = POP();
            break;
        }
    }
#undef PUSH
#undef POP
    free(threads), free(queue), free(w.next_sibling);
    return n;
}

static void describe_step(char *out, size_t room, uint32_t thread, uint8_t kind, int target) {
    if (kind == CREATE) snprintf(out, room, "thread %u created thread %d", thread, target);
    else if (kind == JOIN) snprintf(out, room, "thread %u called uthread_join(%d)", thread, target);
    else snprintf(out, room, "thread %u %s", thread, KIND_NAMES[kind]);
}

static const char *call_name(int call);

/* The model's run of the scenario: who takes each step and what it does. */
static struct {
    uint32_t *expected;
    uint8_t *kinds;
    int *targets;
    long steps;
} model;

static void build_model(void) {
    long bound = step_bound();
    model.expected = malloc((size_t)bound * sizeof *model.expected);
    model.kinds = malloc((size_t)bound);
    model.targets = malloc((size_t)bound * sizeof *model.targets);
    if (!model.expected || !model.kinds || !model.targets) {
        fprintf(stderr, "harness: out of memory\n");
        _exit(2);
    }
    int order[1], length;
    model.steps = run_model(model.expected, model.kinds, model.targets, -1, order, 1, &length);
}

/* The order the model had after `n` steps (the thread to run next, then the ready queue), as text. */
static void order_after(long n, char *out, size_t room) {
    int order[8], length = 0;
    run_model(model.expected, model.kinds, model.targets, n, order, 8, &length);
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < length && i < 8; i++) used += (size_t)snprintf(out + used, room - used, "%s%d", i ? ", " : "", order[i]);
    if (length > 8) snprintf(out + used, room - used, ", … %d in all", length);
}

/* The first of the child's `events` steps taken by another thread than the model's, or -1. */
static long first_difference(long events) {
    for (long n = 0; n < events && n < model.steps; n++)
        if (trace[n] != model.expected[n]) return n;
    return -1;
}

static void describe_difference(long n, char *out, size_t room) {
    char before[160] = "main began", runs[160];
    if (n > 0) describe_step(before, sizeof before, model.expected[n - 1], model.kinds[n - 1], model.targets[n - 1]);
    order_after(n, runs, sizeof runs);
    snprintf(out, room, "Step %ld: thread %u ran, but round-robin runs thread %u here. Before it, %s; the order to run in was then %s (next first).", n + 1, trace[n], model.expected[n],
             before, runs);
}

/* Reports the first difference from the model (`difference`, found at step `differs`, or -1), or a
 * run that stopped short of the model's steps or went past them. */
static void compare(long events, int complete, long differs, const char *difference) {
    if (differs >= 0) report_fail("%s", difference);
    else if (complete && events != model.steps)
        report_fail("The threads took %ld steps; the scenario has %ld: %s", events, model.steps,
                    events < model.steps ? "some thread never ran to its end." : "a thread ran again after it finished.");
    uint32_t checksum = 2166136261u;
    for (long i = 0; i < events; i++) checksum = (checksum ^ trace[i]) * 16777619u;
    report_number("steps", events);
    report_number("checksum", checksum);
}

/* Where the last thread was: "in thread 3's uthread_yield", or between calls. */
static const char *place(void) {
    static char text[128];
    int call = atomic_load(&state->call), thread = atomic_load(&state->call_thread);
    if (call == NO_CALL) snprintf(text, sizeof text, "in thread %d, between calls to your library", thread);
    else snprintf(text, sizeof text, "in thread %d's %s", thread, call_name(call));
    return text;
}

/* "was killed by signal 11 (Segmentation fault)" or "exited with status 1". */
static const char *ending(int status) {
    static char text[96];
    if (WIFSIGNALED(status)) snprintf(text, sizeof text, "was killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else snprintf(text, sizeof text, "exited with status %d", WEXITSTATUS(status));
    return text;
}

static const char *call_name(int call) {
    static const char *const names[] = {"no call", "uthread_init", "uthread_create", "uthread_yield", "uthread_join", "uthread_exit", "return from its function"};
    return call >= 0 && call <= CALL_RETURN ? names[call] : "?";
}

int main(void) {
    report_begin();
    if (scanf("%d %d %d %d %d %u", &scenario.mode, &scenario.threads, &scenario.steps, &scenario.total, &scenario.stack_kib, &scenario.seed) != 6 || scenario.mode < 0 || scenario.mode > 2 ||
        scenario.threads < 1 || scenario.threads > scenario.total || scenario.total > MAX_THREADS || scenario.steps < 1 || scenario.steps > MAX_STEPS || scenario.stack_kib < 1 ||
        scenario.stack_kib > MAX_STACK_KIB || (scenario.mode == 2 && scenario.steps < 2) || ((long)scenario.total + 1) * (scenario.steps + 3) + scenario.threads > MAX_EVENTS) {
        fprintf(stderr, "harness: bad scenario\n");
        return 2;
    }
    state = mmap(NULL, sizeof *state, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    trace = mmap(NULL, MAX_EVENTS * sizeof *trace, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (state == MAP_FAILED || trace == MAP_FAILED) {
        fprintf(stderr, "harness: cannot map its state (%s)\n", strerror(errno));
        return 2;
    }
    /* MODE 2: the child's standard error comes through here, where the overflow's line is looked for. */
    int output[2] = {-1, -1};
    if (scenario.mode == 2 && pipe2(output, O_CLOEXEC) != 0) {
        fprintf(stderr, "harness: pipe failed (%s)\n", strerror(errno));
        return 2;
    }
    fflush(NULL);
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "harness: fork failed (%s)\n", strerror(errno));
        return 2;
    }
    if (child == 0) child_process(output[1]);
    if (output[1] >= 0) {
        close(output[1]);
        fcntl(output[0], F_SETFL, O_NONBLOCK);
    }

    /* Reaps the child, passes its output on, and watches for no progress (a lost thread). */
    static char said[OVERFLOW_MESSAGE_SIZE];
    size_t said_length = 0;
    char stall[512] = "";
    int status = 0, stopped = 0;
    long last = -1, last_change = now_ms();
    for (;;) {
        if (output[0] >= 0) {
            char buffer[4096];
            ssize_t got;
            while ((got = read(output[0], buffer, sizeof buffer)) > 0) {
                if (write(2, buffer, (size_t)got) < 0) {
                }
                size_t keep = (size_t)got < sizeof said - 1 - said_length ? (size_t)got : sizeof said - 1 - said_length;
                memcpy(said + said_length, buffer, keep), said_length += keep;
            }
        }
        if (waitpid(child, &status, WNOHANG) == child) break;
        usleep(10 * 1000);
        if (stopped) continue;
        long now = atomic_load(&state->events);
        if (now != last || atomic_load(&state->overflowing)) {
            last = now, last_change = now_ms();
            continue;
        }
        if (now_ms() - last_change < STALL_MS) continue;
        int call = atomic_load(&state->call), thread = atomic_load(&state->call_thread), target = atomic_load(&state->call_target);
        if (call == CALL_INIT) snprintf(stall, sizeof stall, "uthread_init did not return in %d s.", STALL_MS / 1000);
        else if (call == CALL_JOIN || call == CALL_CREATE)
            snprintf(stall, sizeof stall, "No thread ran for %d s after thread %d called %s(%d)%s, at step %ld.", STALL_MS / 1000, thread, call_name(call), target,
                     call == CALL_CREATE ? " (the id it should return)" : "", now);
        else snprintf(stall, sizeof stall, "No thread ran for %d s after thread %d's %s, at step %ld.", STALL_MS / 1000, thread, call_name(call), now);
        kill(child, SIGKILL);
        stopped = 1;
    }
    said[said_length] = 0;
    long events = atomic_load(&state->events);
    build_model();
    char order[160] = "", difference[1024] = "";
    long differs = first_difference(events);
    /* Where the run broke off, the model's order there says who should have run. */
    if (stopped || WIFSIGNALED(status) || !atomic_load(&state->finished)) order_after(events, order, sizeof order);
    if (differs >= 0) describe_difference(differs, difference, sizeof difference);
    if (stopped) {
        /* A step out of order before the stall says more than the stall. */
        if (differs >= 0) report_fail("%s", difference);
        else report_fail("%s Round-robin's order to run in: %s (next first). A lost thread, or a loop in the scheduler?", stall, order);
    } else if (atomic_load(&state->failed)) {
        report_fail("%s", state->failure);
    } else if (scenario.mode == 2) {
        int overflowing = atomic_load(&state->overflowing);
        char line[96];
        snprintf(line, sizeof line, "uthread: thread %d overflowed its stack\n", overflowing);
        if (!overflowing) report_fail("The process %s at step %ld, %s, before thread %d's stack overflowed.", ending(status), events, place(), scenario.threads);
        else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) report_fail("The process exited normally after thread %d overflowed its stack: it must end it.", overflowing);
        else if (!strstr(said, line))
            report_fail("Thread %d ran past the end of its stack and the process %s, but your library did not write \"uthread: thread %d overflowed its stack\" on standard error. Put a guard page (PROT_NONE) under each stack, and catch SIGSEGV with a handler that runs on an alternate signal stack (sigaltstack, SA_ONSTACK): the overflowed stack has no room for it.",
                        overflowing, ending(status), overflowing);
    } else if (WIFSIGNALED(status)) {
        int signal_number = WTERMSIG(status);
        fprintf(stderr, "harness: the process was killed by signal %d (%s) at step %ld, %s\n", signal_number, strsignal(signal_number), events, place());
        if (differs >= 0) fprintf(stderr, "harness: before that, the threads left round-robin's order. %s\n", difference);
        else fprintf(stderr, "harness: round-robin's order to run in after step %ld: %s (next first)\n", events, order);
        /* The run ends as the child did: a crash is a runtime error, a kill at a limit the limit's. */
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        _exit(128 + signal_number);
    } else if (!atomic_load(&state->finished)) {
        report_fail("The process ended inside your code (exit status %d) at step %ld, %s: your library must return to its caller, not exit. Round-robin's order to run in: %s (next first).", WEXITSTATUS(status), events,
                    place(), order);
    }
    compare(events, !report_failed() && scenario.mode != 2, differs, difference);
    report_number("created", atomic_load(&state->created));
    report_end();
    _exit(0);
}
