// attack: output written after the program's main process ended: a child it left behind prints a
// second answer a moment later, before the sandbox's cleanup would kill it.
// runs: 2
// expect: OK
// stdout: ^answer\n$
// must not: reach the result: the run's output ends when its main process ends.
#include <stdio.h>
#include <unistd.h>
int main(void) {
    puts("answer");
    fflush(stdout);
    if (fork() == 0) {
        usleep(30 * 1000);
        puts("a late second answer");
        fflush(stdout);
        _exit(0);
    }
    return 0;
}
