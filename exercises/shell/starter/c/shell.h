#ifndef SHELL_H
#define SHELL_H

/* Runs one line of the script: line is the text of the line without its newline (at most 4,096
 * printable ASCII characters and tabs). Returns -1 to go on with the next line, or the status to
 * exit with when the line ran the exit built-in: the driver then exits with it at once. */
int shell_line(const char *line);

/* Returns $?: the status of the last pipeline that ran (0 before any). The driver exits with it
 * after the last line. */
int shell_status(void);

#endif
