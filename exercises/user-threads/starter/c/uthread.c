/* Your thread library: see uthread.h for the contract. Give every thread a context (ucontext_t with
 * getcontext / makecontext / swapcontext, or registers you save yourself) and a stack of
 * UTHREAD_STACK_SIZE bytes with a guard page below it (mmap, then mprotect the lowest page
 * PROT_NONE); keep the ready threads in a FIFO queue. A thread cannot free the stack it runs on: free
 * it when the thread is joined. Your code runs only when the harness calls it: constructors,
 * destructors and functions named like the C library's (malloc, swapcontext, …) are refused. This
 * starter compiles, but runs no thread. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "uthread.h"

struct thread {
    int id;
    ucontext_t context;
    /* TODO: its stack, its function and argument, its result, its state, who joins it, the queue's link */
};

static struct thread main_thread;
static struct thread *current = &main_thread;

int uthread_init(void) {
    /* TODO: the alternate signal stack and the SIGSEGV handler that reports an overflow */
    return 0;
}

int uthread_create(uthread_fn fn, void *arg) {
    (void)fn;
    (void)arg;
    return -1; /* TODO: a stack with a guard page, a context that starts in fn(arg), the back of the queue */
}

void uthread_yield(void) {
    /* TODO: to the back of the queue, and switch to the front */
}

int uthread_join(int id, void **result) {
    (void)id;
    (void)result;
    return -1; /* TODO: wait until thread `id` finished, take its result, free its stack */
}

void uthread_exit(void *result) {
    (void)result;
    abort(); /* TODO: finish the thread, wake its joiner, switch to the front of the queue */
}

int uthread_self(void) {
    return current->id;
}
