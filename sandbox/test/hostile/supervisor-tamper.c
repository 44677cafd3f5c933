// attack: reaches into the run supervisor (its parent, same uid): its memory, its descriptors (to
// write a forged "accepted" reply straight to the host) and ptrace.
// expect: OK
// stdout: ^supervisor out of reach\n$
// must not: read or write the supervisor: it is non-dumpable, so /proc/<pid>/mem and /proc/<pid>/fd are root's, and seccomp refuses ptrace.
#include <fcntl.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <unistd.h>
int main(void) {
    char path[64];
    int reached = 0;
    pid_t parent = getppid();
    const char *files[] = {"mem", "fd/1", "fd/0", "environ", "maps"};
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "/proc/%d/%s", (int)parent, files[i]);
        int fd = open(path, i == 1 ? O_WRONLY : O_RDONLY);
        if (fd >= 0) {
            if (i == 1) (void)!write(fd, "done 0 0 2 0 0 0\nAC", 19);
            printf("opened %s\n", path);
            reached = 1;
            close(fd);
        }
    }
    if (ptrace(PTRACE_ATTACH, parent, 0, 0) == 0) {
        puts("attached to the supervisor");
        reached = 1;
    }
    if (!reached) puts("supervisor out of reach");
    return 0;
}
