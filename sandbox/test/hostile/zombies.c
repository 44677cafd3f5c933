// attack: fifty children that exit and are never waited for.
// expect: OK
// stdout: ^left 50 zombies\n$
// must not: leave processes behind (the init process reaps them).
#include <stdio.h>
#include <unistd.h>
int main(void) {
    for (int i = 0; i < 50; i++) if (fork() == 0) _exit(0);
    sleep(1);
    puts("left 50 zombies");
    return 0;
}
