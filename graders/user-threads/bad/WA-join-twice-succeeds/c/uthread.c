/* Wrong: join frees a finished thread's stack but keeps its record, and never marks it joined: a
 * second join of the same thread finds it finished and returns 0 with its result again. A thread
 * that was joined cannot be joined again (-1). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "uthread.h"

enum state { READY, RUNNING, BLOCKED, FINISHED };

struct thread {
    int id;
    enum state state;
    ucontext_t context;
    uint8_t *mapping; /* the guard page, then the stack */
    size_t mapping_size;
    uthread_fn fn;
    void *arg, *result;
    struct thread *next;   /* in the ready queue */
    struct thread *joiner; /* the thread waiting in uthread_join for this one */
};

static struct thread main_thread;
static struct thread *current;
static struct thread *ready_front, *ready_back;
static struct thread **threads; /* by id; NULL once joined */
static int thread_count, table_size;
static size_t page_size;
static uint8_t signal_stack[64 * 1024];

static void enqueue(struct thread *t) {
    t->state = READY;
    t->next = NULL;
    if (ready_back) ready_back->next = t;
    else ready_front = t;
    ready_back = t;
}

static struct thread *dequeue(void) {
    struct thread *t = ready_front;
    if (t) {
        ready_front = t->next;
        if (!ready_front) ready_back = NULL;
    }
    return t;
}

/* Writes a decimal number and text with write(2) alone: this runs in a signal handler. */
static void say(const char *before, int number, const char *after) {
    char text[128];
    size_t n = 0;
    for (const char *c = before; *c; c++) text[n++] = *c;
    char digits[12];
    int d = 0;
    unsigned value = (unsigned)number;
    do digits[d++] = (char)('0' + value % 10);
    while ((value /= 10) != 0);
    while (d > 0) text[n++] = digits[--d];
    for (const char *c = after; *c; c++) text[n++] = *c;
    ssize_t written = write(2, text, n);
    (void)written;
}

static void on_fault(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    uint8_t *address = info->si_addr;
    struct thread *t = current;
    if (t && t->mapping && address >= t->mapping && address < t->mapping + page_size) say("uthread: thread ", t->id, " overflowed its stack\n");
    /* Back to the default action: returning repeats the fault, which now ends the process. */
    signal(signal_number, SIG_DFL);
}

int uthread_init(void) {
    page_size = (size_t)sysconf(_SC_PAGESIZE);
    main_thread.id = 0;
    main_thread.state = RUNNING;
    current = &main_thread;
    table_size = 64;
    threads = calloc((size_t)table_size, sizeof *threads);
    if (!threads) return -1;
    threads[0] = &main_thread;
    stack_t alternate = {.ss_sp = signal_stack, .ss_size = sizeof signal_stack, .ss_flags = 0};
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    if (sigaltstack(&alternate, NULL) != 0 || sigaction(SIGSEGV, &action, NULL) != 0) return -1;
    return 0;
}

/* Switches from the current thread to `next`; `from` keeps running later where it left off. */
static void switch_to(struct thread *next) {
    struct thread *from = current;
    current = next;
    next->state = RUNNING;
    swapcontext(&from->context, &next->context);
}

/* The current thread gives up the CPU without going back on the queue (it blocks or finished). */
static void run_next(void) {
    struct thread *next = dequeue();
    if (!next) {
        say("uthread: no thread can run: thread ", current->id, " blocked or finished, and no other thread is ready\n");
        abort();
    }
    switch_to(next);
}

static void start(void) {
    struct thread *self = current;
    uthread_exit(self->fn(self->arg));
}

int uthread_create(uthread_fn fn, void *arg) {
    int id = thread_count + 1;
    if (id >= table_size) {
        struct thread **bigger = realloc(threads, (size_t)table_size * 2 * sizeof *threads);
        if (!bigger) return -1;
        memset(bigger + table_size, 0, (size_t)table_size * sizeof *threads);
        threads = bigger;
        table_size *= 2;
    }
    struct thread *t = calloc(1, sizeof *t);
    if (!t) return -1;
    t->mapping_size = page_size + UTHREAD_STACK_SIZE;
    t->mapping = mmap(NULL, t->mapping_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (t->mapping == MAP_FAILED) {
        free(t);
        return -1;
    }
    if (mprotect(t->mapping, page_size, PROT_NONE) != 0 || getcontext(&t->context) != 0) {
        munmap(t->mapping, t->mapping_size);
        free(t);
        return -1;
    }
    t->context.uc_stack.ss_sp = t->mapping + page_size;
    t->context.uc_stack.ss_size = UTHREAD_STACK_SIZE;
    t->context.uc_link = NULL;
    makecontext(&t->context, start, 0);
    t->id = id;
    t->fn = fn;
    t->arg = arg;
    thread_count = id;
    threads[id] = t;
    enqueue(t);
    return id;
}

void uthread_yield(void) {
    if (!ready_front) return;
    enqueue(current);
    run_next();
}

int uthread_join(int id, void **result) {
    if (id < 0 || id > thread_count || id == current->id) return -1;
    struct thread *t = threads[id];
    if (t->state != FINISHED) {
        if (t->joiner) return -1; /* someone else already waits for it */
        t->joiner = current;
        current->state = BLOCKED;
        run_next();
    }
    if (result) *result = t->result;
    if (t->mapping) {
        munmap(t->mapping, t->mapping_size);
        t->mapping = NULL;
    }
    return 0;
}

void uthread_exit(void *result) {
    struct thread *self = current;
    self->result = result;
    self->state = FINISHED;
    if (self->joiner) enqueue(self->joiner);
    run_next();
    abort(); /* a finished thread is never switched back to */
}

int uthread_self(void) {
    return current->id;
}
