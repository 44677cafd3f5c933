#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "shell.h"

static int last_status; /* $? */

int shell_status(void) {
    return last_status;
}

int shell_line(const char *line) {
    /* TODO: before anything else, reap the background lists that have ended (waitpid(pid, ...,
     * WNOHANG) on each pid you started in the background). */

    /* TODO: split the line into tokens, words and operators (| || & && ; < > >> and, where a word
     * would begin, 2> 2>>): quotes '…' and "…", backslashes, $? (expanded when its pipeline is about
     * to run), # comments, "osh: syntax error: unterminated quote". Then check the grammar and
     * report the first operator out of place ("osh: syntax error near 'OP'", status 2). For now,
     * words are separated by blanks and nothing else is special. */
    char copy[4097];
    snprintf(copy, sizeof copy, "%s", line);
    char *argv[2049];
    int argc = 0;
    for (char *word = strtok(copy, " \t"); word; word = strtok(NULL, " \t")) argv[argc++] = word;
    argv[argc] = NULL;
    if (argc == 0) return -1; /* a blank line keeps the status */

    /* TODO: split the list at ; and & (an and-or list followed by & runs in a child of its own
     * that exits with its status; $? is then 0), the and-or lists at && and ||, the pipelines at |.
     * TODO: the built-ins cd, exit and wait, run in the shell when they are alone in a foreground
     * pipeline (exit returns its status from here); in a pipeline they run in the child. */

    /* TODO: a pipeline of n commands: make the n - 1 pipes first (pipe2 with O_CLOEXEC), fork every
     * command, and in the child dup2 its pipe ends onto 0 and 1, close every pipe descriptor, then
     * apply its redirections from left to right ("osh: FILE: REASON", status 1); close the pipes in
     * the shell once all children are started, then waitpid each of their pids. */
    pid_t pid = fork();
    if (pid < 0) {
        perror("osh: fork");
        last_status = 1;
        return -1;
    }
    if (pid == 0) {
        /* TODO: reset the signal dispositions to their defaults (SIGPIPE may be ignored). */
        /* TODO: look the program up in PATH yourself (/usr/bin:/bin when PATH is missing or empty)
         * and tell the three failures apart: command not found (127), No such file or directory
         * (127), Permission denied (126). */
        execvp(argv[0], argv);
        fprintf(stderr, "osh: %s: command not found\n", argv[0]);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    /* TODO: a command killed by signal N has the status 128 + N. */
    last_status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    return -1;
}
