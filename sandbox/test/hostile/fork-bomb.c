// attack: fork bomb — forks for ever; every child forks too.
// expect: TLE
// must not: exhaust the host's process table (the pids limit stops it at 64) or leave a process behind.
#include <unistd.h>
int main(void) {
    for (;;) fork();
}
