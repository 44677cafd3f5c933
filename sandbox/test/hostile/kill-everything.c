// attack: kill(-1, SIGKILL): every process it may signal.
// expect: OK
// stdout: ^still here\n$
// must not: kill the container's own processes (root's) or anything on the host.
#include <signal.h>
#include <stdio.h>
int main(void) {
    kill(-1, SIGKILL);
    puts("still here");
    return 0;
}
