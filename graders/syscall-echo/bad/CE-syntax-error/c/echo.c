/* Known bad: does not compile (missing semicolon and an undeclared name). */
#include <unistd.h>
#include "echo.h"

int echo_lines(int in_fd, int out_fd) {
    char buffer[4096]
    ssize_t n = read(in_fd, buffer, sizeof buffer);
    return write(out_fd, buffer, n) == n ? 0 : undeclared_failure;
}
