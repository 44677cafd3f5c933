/* Known bad: polls without sleeping: handlers for SIGTERM and SIGINT only set a flag, and the main
 * loop calls waitpid(-1, WNOHANG), starts and kills what is due, and goes round again at once, so
 * it spends a whole CPU while nothing happens. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "supervisor.h"

/* A run that lasted this long resets the child's backoff. */
#define STEADY_MS 1000

struct child {
    pid_t pid;            /* running, or 0 */
    long started_ms;      /* when the current run began */
    long restart_at_ms;   /* waiting to restart at this time, or 0 */
    int restarts;         /* restarts in a row since the last steady run */
};

static struct child children[MAX_CHILDREN];
static volatile sig_atomic_t stop_requested;

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void say(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    fflush(stdout);
}

static void start(const struct spec *spec, int i) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        /* Out of processes for now: try again after the backoff. */
        perror("fork");
        children[i].restart_at_ms = now_ms() + spec->backoff_initial_ms;
        return;
    }
    if (pid == 0) {
        setpgid(0, 0);
        execl("/bin/sh", "sh", "-c", spec->children[i].command, (char *)NULL);
        _exit(127);
    }
    setpgid(pid, pid); /* also here: the group exists whichever of the two runs first */
    children[i].pid = pid;
    children[i].started_ms = now_ms();
    children[i].restart_at_ms = 0;
    say("start %s %d\n", spec->children[i].name, (int)pid);
}

static int restarts_after(enum policy policy, int status) {
    if (policy == ALWAYS) return 1;
    if (policy == NEVER) return 0;
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

/* Reaps every child that ended; schedules the restarts unless stopping. */
static void reap(const struct spec *spec, int stopping) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        int i = 0;
        while (i < spec->count && children[i].pid != pid) i++;
        if (i == spec->count) continue;
        const char *name = spec->children[i].name;
        if (WIFEXITED(status)) say("exit %s %d status %d\n", name, (int)pid, WEXITSTATUS(status));
        else say("exit %s %d signal %d\n", name, (int)pid, WTERMSIG(status));
        long now = now_ms();
        children[i].pid = 0;
        if (stopping || !restarts_after(spec->children[i].policy, status)) continue;
        if (now - children[i].started_ms >= STEADY_MS) children[i].restarts = 0;
        long delay = spec->backoff_initial_ms;
        for (int k = 0; k < children[i].restarts && delay < spec->backoff_max_ms; k++) delay *= 2;
        if (delay > spec->backoff_max_ms) delay = spec->backoff_max_ms;
        children[i].restarts++;
        children[i].restart_at_ms = now + delay;
    }
}

static void on_stop(int signo) {
    (void)signo;
    stop_requested = 1;
}

int supervise(const struct spec *spec) {
    struct sigaction action = {.sa_handler = on_stop};
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    for (int i = 0; i < spec->count; i++) start(spec, i);

    int stopping = 0, killed = 0;
    long kill_at_ms = 0;
    for (;;) {
        if (stop_requested && !stopping) {
            stopping = 1;
            say("term\n");
            for (int i = 0; i < spec->count; i++) {
                children[i].restart_at_ms = 0;
                if (children[i].pid) kill(-children[i].pid, SIGTERM);
            }
            kill_at_ms = now_ms() + spec->grace_ms;
        }
        reap(spec, stopping);
        long now = now_ms();
        if (!stopping)
            for (int i = 0; i < spec->count; i++)
                if (children[i].restart_at_ms && children[i].restart_at_ms <= now) start(spec, i);
        if (stopping && !killed && now >= kill_at_ms) {
            killed = 1;
            for (int i = 0; i < spec->count; i++)
                if (children[i].pid) {
                    say("kill %s %d\n", spec->children[i].name, (int)children[i].pid);
                    kill(-children[i].pid, SIGKILL);
                }
        }
        int running = 0, waiting = 0;
        for (int i = 0; i < spec->count; i++) {
            if (children[i].pid) running = 1;
            if (children[i].restart_at_ms) waiting = 1;
        }
        if (!running && !waiting) break;
    }
    say("done\n");
    return 0;
}
