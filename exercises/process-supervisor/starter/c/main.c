/* The driver (read-only): reads the spec from standard input and checks it, points standard input
 * at /dev/null (the spec is not for the children to read), and exits with what supervise returns. A
 * malformed spec ends the run before anything starts, with `invalid spec: …` on standard output.
 * It leaves no descriptor open besides 0, 1 and 2. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "supervisor.h"

static struct spec spec;

static void invalid(int line, const char *format, ...) {
    va_list args;
    va_start(args, format);
    printf("invalid spec: line %d: ", line);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
    exit(0);
}

/* A whole number from 10 to 10,000 at *text; advances past it. */
static int milliseconds(char **text, int line, const char *what) {
    char *end;
    long value = strtol(*text, &end, 10);
    if (end == *text || (*end != ' ' && *end != 0) || value < 10 || value > 10000) invalid(line, "%s must be a whole number of milliseconds from 10 to 10000", what);
    *text = *end ? end + 1 : end;
    return (int)value;
}

static void read_child(char *text, int line) {
    if (spec.count == MAX_CHILDREN) invalid(line, "more than %d children", MAX_CHILDREN);
    struct child_spec *child = &spec.children[spec.count];
    size_t length = strcspn(text, " ");
    if (length == 0 || length > MAX_NAME || strspn(text, "abcdefghijklmnopqrstuvwxyz0123456789-") < length)
        invalid(line, "a child's name is 1 to %d of a-z, 0-9 and -", MAX_NAME);
    memcpy(child->name, text, length);
    child->name[length] = 0;
    for (int i = 0; i < spec.count; i++)
        if (strcmp(spec.children[i].name, child->name) == 0) invalid(line, "two children are named %s", child->name);
    if (text[length] != ' ') invalid(line, "child %s has no policy", child->name);
    text += length + 1;
    const char *policies[] = {"always", "on-failure", "never"};
    int found = -1;
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(policies[i]);
        if (strncmp(text, policies[i], n) == 0 && text[n] == ' ') {
            found = i, text += n + 1;
            break;
        }
    }
    if (found < 0) invalid(line, "child %s: the policy is always, on-failure or never, then a space and the command", child->name);
    if (*text == 0) invalid(line, "child %s has no command", child->name);
    if (strlen(text) > MAX_COMMAND) invalid(line, "child %s's command is longer than %d bytes", child->name, MAX_COMMAND);
    child->policy = (enum policy)found;
    strcpy(child->command, text);
    spec.count++;
}

int main(void) {
    static char text[1 << 20];
    size_t length = fread(text, 1, sizeof text - 1, stdin);
    if (length == sizeof text - 1) invalid(0, "more than 1 MiB");
    text[length] = 0;
    int backoff = 0, grace = 0, number = 0;
    for (char *line = text, *next; *line; line = next) {
        number++;
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        else next = line + strlen(line);
        if (*line == 0) continue;
        if (strncmp(line, "backoff ", 8) == 0) {
            char *at = line + 8;
            spec.backoff_initial_ms = milliseconds(&at, number, "backoff's initial delay");
            spec.backoff_max_ms = milliseconds(&at, number, "backoff's maximum");
            if (*at) invalid(number, "backoff takes two numbers");
            if (spec.backoff_initial_ms > spec.backoff_max_ms) invalid(number, "backoff's initial delay is more than its maximum");
            backoff = 1;
        } else if (strncmp(line, "grace ", 6) == 0) {
            char *at = line + 6;
            spec.grace_ms = milliseconds(&at, number, "grace");
            if (*at) invalid(number, "grace takes one number");
            grace = 1;
        } else if (strncmp(line, "child ", 6) == 0) read_child(line + 6, number);
        else invalid(number, "a line is backoff, grace or child");
    }
    if (!backoff || !grace || spec.count == 0) invalid(number, "a spec has a backoff line, a grace line and at least one child");
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0) {
        perror("/dev/null");
        return 1;
    }
    if (null != 0) close(null);
    fflush(stdout);
    return supervise(&spec);
}
