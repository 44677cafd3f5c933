// attack: the kernel's riskiest doors: unshare, mount, setns, keyctl, bpf, perf_event_open,
// io_uring_setup, userfaultfd, process_vm_readv.
// expect: OK
// stdout: ^refused 9/9\n$
// must not: get any of them (seccomp, and no capabilities).
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    long calls[9];
    char buf[64];
    calls[0] = unshare(CLONE_NEWUSER | CLONE_NEWNS);
    calls[1] = syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, 0);
    calls[2] = syscall(SYS_setns, 0, 0);
    calls[3] = syscall(SYS_keyctl, 0, 0, 0, 0, 0);
    calls[4] = syscall(SYS_bpf, 0, buf, sizeof buf);
    calls[5] = syscall(SYS_perf_event_open, buf, 0, -1, -1, 0);
    calls[6] = syscall(425 /* io_uring_setup */, 8, buf);
    calls[7] = syscall(SYS_userfaultfd, 0);
    calls[8] = syscall(SYS_process_vm_readv, getppid(), 0, 0, 0, 0, 0);
    int refused = 0;
    for (int i = 0; i < 9; i++) refused += calls[i] == -1;
    printf("refused %d/9\n", refused);
    return 0;
}
