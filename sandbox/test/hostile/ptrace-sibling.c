// attack: attaches to another process with ptrace.
// expect: OK
// stdout: ^ptrace refused\n$
// must not: read or change another process's memory (seccomp refuses ptrace and process_vm_*).
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    pid_t child = fork();
    if (child == 0) { for (;;) pause(); }
    long attached = ptrace(PTRACE_ATTACH, child, 0, 0);
    kill(child, SIGKILL);
    waitpid(child, 0, 0);
    puts(attached == -1 ? "ptrace refused" : "PTRACE ATTACHED");
    return 0;
}
