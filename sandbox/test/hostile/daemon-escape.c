// attack: a daemon that outlives its run: fork, setsid, close its streams, keep listening on an
// abstract Unix socket so a later run can find it.
// runs: 2
// expect: OK
// stdout: ^started a daemon\n$
// must not: be there for the next run (the container with a leftover process is replaced).
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static socklen_t address(struct sockaddr_un *a) {
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    memcpy(a->sun_path + 1, "osprep-daemon", 13);
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 14);
}
int main(void) {
    struct sockaddr_un a;
    socklen_t len = address(&a);
    int probe = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(probe, (struct sockaddr *)&a, len) == 0) {
        puts("the daemon of an earlier run SURVIVED");
        return 0;
    }
    if (fork() == 0) {
        setsid();
        if (fork() != 0) _exit(0);
        close(0); close(1); close(2);
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        bind(s, (struct sockaddr *)&a, len);
        listen(s, 1);
        for (;;) pause();
    }
    puts("started a daemon");
    return 0;
}
