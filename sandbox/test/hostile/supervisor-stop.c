// attack: stops the process that started it (the run supervisor, same uid) with SIGSTOP, so no
// verdict comes back, then prints its answer.
// expect: OK
// stdout: ^still here\n$
// must not: hang the job or lose the run: the host stops waiting for the supervisor and replays the run in an exec of its own.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    pid_t parent = getppid();
    // In an exec of its own the parent is outside the container (0): nothing to stop.
    if (parent > 1) kill(parent, SIGSTOP);
    puts("still here");
    return 0;
}
