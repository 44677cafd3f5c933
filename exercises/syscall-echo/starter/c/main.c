/* The driver (read-only): calls your echo_lines on standard input and output the way the kernel may
 * serve them. Its read and write stand in for the C library's, so your calls reach them: your first
 * reads of standard input return short pieces, cut at awkward places (inside a multi-byte character,
 * just before a newline), and your first writes to standard output take only part of what they are
 * given, as read(2) and write(2) may. Then it checks that echo_lines returns -1 when a read or a
 * write fails. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "echo.h"

/* How many of the first reads and writes are cut short, and within how much of their data. */
#define CUT_CALLS 64
#define CUT_WINDOW 4096

static unsigned random_state = 0x2545F491u;

static unsigned next_random(void) {
    random_state ^= random_state << 13;
    random_state ^= random_state >> 17;
    random_state ^= random_state << 5;
    return random_state;
}

/* How many of `size` bytes one call moves: all of them (if `whole`), those before a newline, those
 * before the middle of a character, or some. Never 0; fewer than `size` unless `whole`. */
static size_t awkward_cut(const unsigned char *data, size_t size, int whole) {
    if (size < 2) return size;
    size_t window = size < CUT_WINDOW ? size : CUT_WINDOW;
    switch (next_random() % 4) {
    case 0:
        if (whole) return size;
        break;
    case 1: {
        const unsigned char *newline = memchr(data + 1, '\n', window - 1);
        if (newline) return (size_t)(newline - data);
        break;
    }
    case 2:
        for (size_t i = 1; i < window; i++)
            if ((data[i] & 0xC0) == 0x80) return i;
        break;
    }
    return 1 + next_random() % (window - 1);
}

/* The first reads of standard input are served from what the driver has read ahead. */
static unsigned char ahead[65536];
static size_t ahead_at, ahead_size;
static int reads_cut;

ssize_t read(int fd, void *buffer, size_t count) {
    if (fd != STDIN_FILENO || count == 0 || (reads_cut >= CUT_CALLS && ahead_at == ahead_size))
        return syscall(SYS_read, fd, buffer, count);
    if (ahead_at == ahead_size) {
        long got = syscall(SYS_read, fd, ahead, sizeof ahead);
        if (got <= 0) return got;
        ahead_at = 0;
        ahead_size = (size_t)got;
    }
    size_t size = ahead_size - ahead_at < count ? ahead_size - ahead_at : count;
    if (reads_cut < CUT_CALLS) {
        reads_cut++;
        size = awkward_cut(ahead + ahead_at, size, 1);
    }
    memcpy(buffer, ahead + ahead_at, size);
    ahead_at += size;
    return (ssize_t)size;
}

static int writes_cut;

ssize_t write(int fd, const void *buffer, size_t count) {
    if (fd != STDOUT_FILENO || count < 2 || writes_cut >= CUT_CALLS) return syscall(SYS_write, fd, buffer, count);
    writes_cut++;
    return syscall(SYS_write, fd, buffer, awkward_cut(buffer, count, 0));
}

/* What the driver itself prints goes past its own write. */
static void say(const char *text) {
    for (size_t done = 0, length = strlen(text); done < length;) {
        long n = syscall(SYS_write, STDOUT_FILENO, text + done, length - done);
        if (n <= 0) return;
        done += (size_t)n;
    }
}

int main(void) {
    if (echo_lines(STDIN_FILENO, STDOUT_FILENO) != 0) {
        perror("echo_lines");
        return 1;
    }
    /* A read that fails: a descriptor that is not open. A write that fails: a line to echo to it. */
    int lines[2];
    if (pipe(lines) != 0 || syscall(SYS_write, lines[1], "x\n", 2) != 2 || close(lines[1]) != 0) return 2;
    int closed_fd = dup(STDERR_FILENO);
    if (closed_fd < 0 || close(closed_fd) != 0) return 2;
    if (echo_lines(closed_fd, STDOUT_FILENO) != -1) say("echo_lines did not return -1 when read(2) failed\n");
    if (echo_lines(lines[0], closed_fd) != -1) say("echo_lines did not return -1 when write(2) failed\n");
    return 0;
}
