// attack: kills the run supervisor (same uid), so the run is replayed in an exec of its own, whose
// output stream stays open while any process holds it; there a child it left behind prints a second
// answer after the main process ended.
// runs: 2
// expect: OK
// stdout: ^answer\n$
// must not: reach the result: in an exec of its own too, the run's output ends when its main process ends.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    pid_t parent = getppid();
    // Under the supervisor: kill it (the host replays the run in an exec of its own, where the parent is outside the container).
    if (parent > 1) kill(parent, SIGKILL);
    puts("answer");
    fflush(stdout);
    if (fork() == 0) {
        usleep(300 * 1000);
        puts("a late second answer");
        fflush(stdout);
        _exit(0);
    }
    return 0;
}
