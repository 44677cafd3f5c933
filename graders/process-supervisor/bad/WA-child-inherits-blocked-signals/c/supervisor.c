/* Known bad: the child execs /bin/sh with SIGCHLD, SIGTERM and SIGINT still blocked (the mask the
 * supervisor set for its signalfd): a blocked signal stays blocked across exec, so the children never
 * see the SIGTERM sent to them, and each is killed when the grace period is over. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
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
static sigset_t handled;

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

int supervise(const struct spec *spec) {
    sigemptyset(&handled);
    sigaddset(&handled, SIGCHLD);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGINT);
    sigprocmask(SIG_BLOCK, &handled, NULL);
    int signals = signalfd(-1, &handled, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signals < 0) {
        perror("signalfd");
        return 1;
    }
    for (int i = 0; i < spec->count; i++) start(spec, i);

    int stopping = 0, killed = 0;
    long kill_at_ms = 0;
    for (;;) {
        int running = 0, waiting = 0;
        long next = -1;
        for (int i = 0; i < spec->count; i++) {
            if (children[i].pid) running = 1;
            if (children[i].restart_at_ms) {
                waiting = 1;
                if (next < 0 || children[i].restart_at_ms < next) next = children[i].restart_at_ms;
            }
        }
        if (!running && !waiting) break;
        if (stopping && !killed && running) next = kill_at_ms;
        int timeout = next < 0 ? -1 : next <= now_ms() ? 0 : (int)(next - now_ms());
        struct pollfd wait_for = {.fd = signals, .events = POLLIN};
        if (poll(&wait_for, 1, timeout) < 0 && errno != EINTR) {
            perror("poll");
            return 1;
        }
        struct signalfd_siginfo info;
        while (read(signals, &info, sizeof info) == sizeof info) {
            if ((info.ssi_signo == SIGTERM || info.ssi_signo == SIGINT) && !stopping) {
                stopping = 1;
                say("term\n");
                for (int i = 0; i < spec->count; i++) {
                    children[i].restart_at_ms = 0;
                    if (children[i].pid) kill(-children[i].pid, SIGTERM);
                }
                kill_at_ms = now_ms() + spec->grace_ms;
            }
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
    }
    say("done\n");
    close(signals);
    return 0;
}
