/* The thread library you implement in uthread.c: cooperative user-level threads, all running on the
 * process's one kernel thread, switched by your code (ucontext's swapcontext, or a context switch of
 * your own). The harness calls uthread_init once, from main, before anything else; main is then
 * thread 0 and takes part in the scheduling like every other thread.
 *
 * Scheduling is round-robin over one FIFO queue of ready threads:
 *   - uthread_create puts the new thread at the back of the queue and returns at once (the caller
 *     keeps running);
 *   - uthread_yield puts the caller at the back and runs the thread at the front (with no other
 *     thread ready, it returns at once);
 *   - uthread_join on a thread that has not finished takes the caller off the queue; when that
 *     thread finishes, the caller goes to the back of the queue;
 *   - a thread finishes by returning from its function or calling uthread_exit; the front of the
 *     queue runs next.
 * Nothing else switches threads: there is no preemption. */
#ifndef UTHREAD_H
#define UTHREAD_H

/* Every thread's stack: this many usable bytes, with a guard page (PROT_NONE) below them. */
#define UTHREAD_STACK_SIZE (64 * 1024)

typedef void *(*uthread_fn)(void *arg);

/* Makes the calling (main) thread thread 0 and sets up what the library needs, the handler that
 * reports a stack overflow included. Returns 0, or -1 if it cannot. */
int uthread_init(void);

/* Creates a thread that runs fn(arg) on a stack of its own and puts it at the back of the ready
 * queue. The n-th thread created gets id n (1, 2, 3, ...); ids are never reused. Returns the id, or
 * -1 if the thread cannot be created (no memory for its stack). */
int uthread_create(uthread_fn fn, void *arg);

/* Puts the caller at the back of the ready queue and runs the thread at the front. */
void uthread_yield(void);

/* Waits until thread `id` has finished, stores what it returned (or passed to uthread_exit) in
 * *result when result is not NULL, and releases the thread: its stack is freed and it cannot be
 * joined again. Returns 0, or -1 at once, without switching, if `id` is the caller, no thread, or
 * already joined. (Two threads never join the same thread here; pthread_join leaves it undefined.) */
int uthread_join(int id, void **result);

/* Ends the calling thread with `result`, from any depth of calls. Never called by thread 0. */
void uthread_exit(void *result) __attribute__((noreturn));

/* The caller's id (0 for main). */
int uthread_self(void);

/* A thread that runs past the end of its stack hits its guard page. The library must then write
 *     uthread: thread <id> overflowed its stack
 * on standard error (descriptor 2) and end the process: restore SIGSEGV's default action and return
 * from the handler (the fault repeats and kills the process), or call abort(). The handler cannot run
 * on the overflowed stack: give it an alternate signal stack (sigaltstack, SA_ONSTACK). */

#endif
