// osprep-supervisor: runs a session's program many times in one `docker exec`, one run per request.
//
// The host starts it once per run session, as the program's own user, and then sends one request per
// run on its standard input: the run's stdin length in decimal, a newline, and that many bytes. For
// each, the supervisor forks the program (own session, default signals, the run's rlimits, stdin a pipe
// fed with the request's bytes, stdout and stderr pipes capped at the output limit), waits until it
// exits or the wall limit passes, kills every other process of its user that is left (descendants
// reparent to it: it is their subreaper) and reaps them, removes the System V IPC objects left, and
// then answers on its stdout. The run's output ends when the program's own process ends: what is in
// its pipes when the supervisor learns of that exit is kept, anything a process left behind writes
// later is not.
//
//
//   done <status> <timed-out> <stdout bytes> <stdout flooded> <stderr bytes> <stderr flooded>\n<stdout><stderr>
//
// where status is the exit status, or 128 + the signal that killed the program (SIGKILL when the
// supervisor stopped it: past the wall limit, or a stream past the output limit), the others 0 or 1. End of input ends the
// supervisor. It first prints `ready\n` once it is non-dumpable, before it runs anything.
//
// The program shares its uid, so it can signal the supervisor (stop it, kill it): the host treats a
// supervisor that dies or stops answering as the run's own doing and replays that run the slow way, a
// process per exec. Being non-dumpable keeps the program out of its memory and its descriptors
// (/proc/<pid>/mem, /proc/<pid>/fd, ptrace). Nothing it reports is trusted blindly: the host measures
// CPU and memory and counts processes in the container's cgroup itself.
//
// Usage: osprep-supervisor <cpu soft s> <cpu hard s> <fsize bytes> <nofile> <output bytes> <wall ms> -- <program> [args...]
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

struct limits {
  rlim_t cpu_soft, cpu_hard, fsize, nofile;
  size_t output_bytes;
  long wall_ms;
};

/** One captured stream of a run: the first `cap` bytes are kept; more marks a flood. */
struct capture {
  int fd;
  char *data;
  size_t size, cap;
  int flooded;
};

static void fail(const char *format, ...) {
  va_list args;
  va_start(args, format);
  fputs("osprep-supervisor: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
  exit(2);
}

static long long parse_number(const char *text, const char *what) {
  char *end;
  errno = 0;
  long long value = strtoll(text, &end, 10);
  if (errno || *end || end == text || value < 0) fail("bad %s: %s", what, text);
  return value;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void write_all(int fd, const char *data, size_t size) {
  while (size > 0) {
    ssize_t written = write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) exit(3); // the host is gone
    data += written;
    size -= (size_t)written;
  }
}

/** Reads exactly `size` bytes of the request; false at end of input before the first byte. */
static int read_exact(int fd, char *data, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t got = read(fd, data + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("reading the request: %s", strerror(errno));
    if (got == 0) {
      if (done == 0) return 0;
      fail("the request ended early");
    }
    done += (size_t)got;
  }
  return 1;
}

/** Reads a request header (the stdin length and a newline); -1 at end of input. */
static long long read_header(void) {
  char line[32];
  size_t length = 0;
  for (;;) {
    char c;
    if (!read_exact(STDIN_FILENO, &c, 1)) {
      if (length == 0) return -1;
      fail("the request header ended early");
    }
    if (c == '\n') break;
    if (length + 1 >= sizeof line) fail("the request header is too long");
    line[length++] = c;
  }
  line[length] = '\0';
  return parse_number(line, "stdin length");
}

/** Kills every process of this user but the supervisor, and reaps them all (they are its descendants). */
static void kill_and_reap_all(void) {
  kill(-1, SIGKILL);
  for (;;) {
    pid_t pid = waitpid(-1, NULL, 0);
    if (pid > 0) {
      // One of them may have forked while the first signal went round.
      kill(-1, SIGKILL);
      continue;
    }
    if (errno == EINTR) continue;
    break; // ECHILD: nothing of ours is left
  }
}

/**
 * Removes the System V IPC objects (shared memory, message queues, semaphores) a run created: they
 * live as long as the container's IPC namespace and would let the next run find what this one left.
 */
static void remove_ipc_objects(void) {
  static const char *const tables[] = {"/proc/sysvipc/shm", "/proc/sysvipc/msg", "/proc/sysvipc/sem"};
  for (int table = 0; table < 3; table++) {
    FILE *listing = fopen(tables[table], "r");
    if (!listing) continue;
    char line[512];
    if (!fgets(line, sizeof line, listing)) line[0] = '\0'; // the column headings
    long long key;
    int id;
    while (fgets(line, sizeof line, listing)) {
      if (sscanf(line, "%lld %d", &key, &id) != 2) continue;
      if (table == 0) shmctl(id, IPC_RMID, NULL);
      else if (table == 1) msgctl(id, IPC_RMID, NULL);
      else semctl(id, 0, IPC_RMID);
    }
    fclose(listing);
  }
}

/** Appends what `capture` can read now; 0 once its pipe is closed (end of file), 1 while open. */
static int drain(struct capture *capture) {
  char buffer[CHUNK];
  for (;;) {
    ssize_t got = read(capture->fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && errno == EAGAIN) return 1;
    if (got <= 0) return 0;
    size_t room = capture->cap - capture->size;
    size_t kept = (size_t)got < room ? (size_t)got : room;
    memcpy(capture->data + capture->size, buffer, kept);
    capture->size += kept;
    if ((size_t)got > room) capture->flooded = 1;
  }
}

/** Appends what is in `capture`'s pipe right now, and nothing written after this call: 0 at end of file. */
static int drain_present(struct capture *capture) {
  int pending = 0;
  if (ioctl(capture->fd, FIONREAD, &pending) < 0) return 0;
  char buffer[CHUNK];
  while (pending > 0) {
    ssize_t got = read(capture->fd, buffer, pending < CHUNK ? (size_t)pending : CHUNK);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return 0;
    pending -= (int)got;
    size_t room = capture->cap - capture->size;
    size_t kept = (size_t)got < room ? (size_t)got : room;
    memcpy(capture->data + capture->size, buffer, kept);
    capture->size += kept;
    if ((size_t)got > room) capture->flooded = 1;
  }
  return 1;
}

static void child(const struct limits *limits, int in, int out, int err, char **argv) {
  if (dup2(in, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) _exit(126);
  // Nothing of the supervisor's reaches the program: not the host's streams, not the other pipes.
  syscall(SYS_close_range, 3, ~0U, 0);
  setsid(); // its own process group: kill(0, …) in the program reaches only its own processes
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  for (int signal = 1; signal < NSIG; signal++) {
    if (signal != SIGKILL && signal != SIGSTOP) sigaction(signal, &(struct sigaction){.sa_handler = SIG_DFL}, NULL);
  }
  struct rlimit cpu = {limits->cpu_soft, limits->cpu_hard}, fsize = {limits->fsize, limits->fsize}, nofile = {limits->nofile, limits->nofile}, core = {0, 0};
  if (setrlimit(RLIMIT_CPU, &cpu) || setrlimit(RLIMIT_FSIZE, &fsize) || setrlimit(RLIMIT_NOFILE, &nofile) || setrlimit(RLIMIT_CORE, &core)) _exit(126);
  execvp(argv[0], argv);
  _exit(127);
}

/** Runs the program once on `stdin_length` bytes of the request, and answers the host. */
static void run_once(const struct limits *limits, char **argv, long long stdin_length, struct capture *out, struct capture *err) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) || pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC)) fail("pipe: %s", strerror(errno));
  long started = now_ms();
  pid_t pid = fork();
  if (pid < 0) fail("fork: %s", strerror(errno));
  if (pid == 0) child(limits, in_pipe[0], out_pipe[1], err_pipe[1], argv);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  int to_program = in_pipe[1];
  fcntl(to_program, F_SETFL, O_NONBLOCK);
  fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
  fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);
  int program_fd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (program_fd < 0) fail("pidfd_open: %s", strerror(errno));

  out->fd = out_pipe[0];
  err->fd = err_pipe[0];
  out->size = err->size = 0;
  out->flooded = err->flooded = 0;
  int out_open = 1, err_open = 1, running = 1, timed_out = 0, exited = 0, status = 0;
  long long unread = stdin_length; // request bytes not yet read from the host
  static char pending[CHUNK];      // read from the host, not yet written to the program
  size_t pending_at = 0, pending_size = 0;

  while (running || unread > 0) {
    if (!running) {
      // The request is always read to its end, even when nobody is left to read it.
      char dropped[CHUNK];
      ssize_t got = read(STDIN_FILENO, dropped, unread < CHUNK ? (size_t)unread : CHUNK);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) fail("the request ended early");
      unread -= got;
      continue;
    }
    if (to_program >= 0 && unread == 0 && pending_at == pending_size) {
      close(to_program); // end of input for the program
      to_program = -1;
    }
    struct pollfd fds[5] = {
        {.fd = program_fd, .events = POLLIN},
        {.fd = out_open ? out->fd : -1, .events = POLLIN},
        {.fd = err_open ? err->fd : -1, .events = POLLIN},
        {.fd = to_program >= 0 && pending_at < pending_size ? to_program : -1, .events = POLLOUT},
        {.fd = pending_at == pending_size && unread > 0 ? STDIN_FILENO : -1, .events = POLLIN},
    };
    long left = started + limits->wall_ms - now_ms();
    if (left <= 0) {
      timed_out = 1;
      kill_and_reap_all();
      running = 0;
      continue;
    }
    if (poll(fds, 5, (int)left) < 0) {
      if (errno == EINTR) continue;
      fail("poll: %s", strerror(errno));
    }
    if (fds[1].revents) out_open = drain(out);
    if (fds[2].revents) err_open = drain(err);
    if (out->flooded || err->flooded) {
      kill_and_reap_all();
      running = 0;
      continue;
    }
    if (fds[4].revents) {
      ssize_t got = read(STDIN_FILENO, pending, unread < CHUNK ? (size_t)unread : CHUNK);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) fail("the request ended early");
      unread -= got;
      // Once the program has closed its input, the rest of the request is dropped.
      pending_at = 0;
      pending_size = to_program >= 0 ? (size_t)got : 0;
    }
    if (fds[3].revents) {
      ssize_t written = write(to_program, pending + pending_at, pending_size - pending_at);
      if (written > 0) pending_at += (size_t)written;
      else if (written < 0 && errno != EAGAIN && errno != EINTR) {
        close(to_program); // the program closed its input
        to_program = -1;
        pending_at = pending_size;
      }
    }
    if (fds[0].revents) {
      if (waitpid(pid, &status, 0) < 0) fail("waitpid: %s", strerror(errno));
      // The output ends here: what is in the pipes now, not what the processes left behind write next.
      if (out_open) out_open = drain_present(out);
      if (err_open) err_open = drain_present(err);
      exited = 1;
      // What it left behind (children, daemons) goes with it.
      kill_and_reap_all();
      running = 0;
    }
  }
  if (to_program >= 0) close(to_program);
  remove_ipc_objects();
  // Stopped by the supervisor (wall limit, flood): everything that could write is gone, so what is
  // left in the pipes was written before the stop. After an exit, that was read when it happened.
  if (!exited) {
    fcntl(out->fd, F_SETFL, 0);
    fcntl(err->fd, F_SETFL, 0);
    while (out_open && !out->flooded) out_open = drain(out);
    while (err_open && !err->flooded) err_open = drain(err);
  }
  close(out->fd);
  close(err->fd);
  close(program_fd);

  int code = timed_out || out->flooded || err->flooded ? 128 + SIGKILL : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  char header[160];
  int length = snprintf(header, sizeof header, "done %d %d %zu %d %zu %d\n", code, timed_out, out->size, out->flooded, err->size, err->flooded);
  write_all(STDOUT_FILENO, header, (size_t)length);
  write_all(STDOUT_FILENO, out->data, out->size);
  write_all(STDOUT_FILENO, err->data, err->size);
}

int main(int argc, char **argv) {
  // Before anything else: the program (same uid) must not read or write this process.
  if (prctl(PR_SET_DUMPABLE, 0) || prctl(PR_SET_CHILD_SUBREAPER, 1)) fail("prctl: %s", strerror(errno));
  if (argc < 9 || strcmp(argv[7], "--") != 0) fail("usage: osprep-supervisor <cpu soft> <cpu hard> <fsize> <nofile> <output bytes> <wall ms> -- <program> [args...]");
  struct limits limits = {
      .cpu_soft = (rlim_t)parse_number(argv[1], "cpu soft limit"),
      .cpu_hard = (rlim_t)parse_number(argv[2], "cpu hard limit"),
      .fsize = (rlim_t)parse_number(argv[3], "file size limit"),
      .nofile = (rlim_t)parse_number(argv[4], "open files limit"),
      .output_bytes = (size_t)parse_number(argv[5], "output limit"),
      .wall_ms = (long)parse_number(argv[6], "wall limit"),
  };
  // A program that closes its input early must not end the supervisor.
  signal(SIGPIPE, SIG_IGN);
  struct capture out = {.cap = limits.output_bytes, .data = malloc(limits.output_bytes + 1)};
  struct capture err = {.cap = limits.output_bytes, .data = malloc(limits.output_bytes + 1)};
  if (!out.data || !err.data) fail("out of memory");
  write_all(STDOUT_FILENO, "ready\n", 6);
  for (;;) {
    long long stdin_length = read_header();
    if (stdin_length < 0) return 0;
    run_once(&limits, argv + 8, stdin_length, &out, &err);
  }
}
