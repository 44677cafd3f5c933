/* The driver: reads the whole script from standard input and checks it, points standard input at
 * /dev/null (the script is not for the programs to read), goes to /, then hands each line to
 * shell_line (shell.c). When the shell ends, with the status shell_line returns for the exit built-in or with
 * shell_status() after the last line, it prints `osh: exit N` and exits with 0: the tests see the
 * status on the output. It prints nothing else but a message for malformed input, and leaves no
 * descriptor open besides 0, 1 and 2. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include "shell.h"

#define MAX_LINES 1000
#define MAX_LINE_LENGTH 4096

static char *in_buf;
static size_t in_len;

static void out_of_memory(void) {
    fprintf(stderr, "out of memory\n");
    exit(1);
}

static void read_input(void) {
    size_t capacity = 1 << 16;
    in_buf = malloc(capacity);
    if (!in_buf) out_of_memory();
    for (;;) {
        ssize_t got = read(STDIN_FILENO, in_buf + in_len, capacity - in_len);
        if (got == 0) break;
        if (got < 0) {
            perror("read");
            exit(1);
        }
        in_len += (size_t)got;
        if (in_len == capacity) {
            in_buf = realloc(in_buf, capacity *= 2);
            if (!in_buf) out_of_memory();
        }
    }
    /* There is always room after the input, for the terminating NUL of the last line. */
}

/* Malformed input ends the run before any line runs, with a message on standard output. */
static void invalid(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("invalid input: ", stdout);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
    exit(0);
}

/* Checks every line and turns it into a string (its newline, or the end of the input, becomes a
 * NUL); returns the number of lines. A last line without a newline counts; no input is no line. */
static int split_lines(void) {
    int count = 0;
    for (size_t start = 0; start < in_len;) {
        char *end = memchr(in_buf + start, '\n', in_len - start);
        size_t length = end ? (size_t)(end - (in_buf + start)) : in_len - start;
        if (++count > MAX_LINES) invalid("line %d: a script has at most %d lines", count, MAX_LINES);
        if (length > MAX_LINE_LENGTH) invalid("line %d: a line has at most %d bytes", count, MAX_LINE_LENGTH);
        for (size_t i = start; i < start + length; i++) {
            unsigned char c = (unsigned char)in_buf[i];
            if (c != '\t' && (c < 0x20 || c > 0x7e)) invalid("line %d: a character that is not printable ASCII or a tab", count);
        }
        in_buf[start + length] = '\0';
        start += length + 1;
    }
    return count;
}

int main(void) {
    read_input();
    int lines = split_lines();

    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, STDIN_FILENO) < 0) {
        perror("/dev/null");
        exit(1);
    }
    if (null != STDIN_FILENO) close(null);
    /* Every test starts in the same directory, wherever the program is. */
    if (chdir("/") < 0) {
        perror("/");
        exit(1);
    }

    pid_t shell = getpid();
    const char *line = in_buf;
    int status = -1;
    for (int i = 0; i < lines && status < 0; i++) {
        status = shell_line(line);
        if (getpid() != shell) {
            /* A forked child came back from shell_line: it would run the rest of the script too. */
            static const char message[] = "main.c: a child forked by shell_line returned into the driver; end children with _exit\n";
            write(STDERR_FILENO, message, sizeof message - 1);
            _exit(1);
        }
        line += strlen(line) + 1;
    }
    printf("osh: exit %d\n", status >= 0 ? status : shell_status());
    fflush(stdout);
    exit(0);
}
