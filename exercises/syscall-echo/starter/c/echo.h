#ifndef ECHO_H
#define ECHO_H

/* Reads in_fd to end of file and writes every line to out_fd as "<bytes> <line>\n".
 * Returns 0, or -1 if a system call failed. */
int echo_lines(int in_fd, int out_fd);

#endif
