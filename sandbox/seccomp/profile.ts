// The seccomp profile every sandbox container runs under, passed inline to Docker. It starts from
// Docker's default allow-list and is stricter: x86-64 only (no 32-bit entry points such as int 0x80),
// and none of ptrace, process_vm_*, keyctl, bpf, io_uring, mount, unshare/setns, perf_event_open,
// userfaultfd, kernel modules, handles, POSIX message queues or namespaces-creating clone flags. Threads, fork/exec,
// epoll, and Unix/IP sockets (loopback only: the network is off) stay allowed.

const ALLOWED = `
accept accept4 access alarm bind brk capget chdir chmod chown clock_getres clock_gettime
clock_nanosleep close close_range connect copy_file_range creat dup dup2 dup3 epoll_create
epoll_create1 epoll_ctl epoll_pwait epoll_pwait2 epoll_wait eventfd eventfd2 execve execveat exit
exit_group faccessat faccessat2 fadvise64 fallocate fchdir fchmod fchmodat fchown fchownat fcntl
fdatasync fgetxattr flistxattr flock fork fremovexattr fsetxattr fstat fstatfs fsync ftruncate futex
futex_waitv futimesat getcpu getcwd getdents getdents64 getegid geteuid getgid getgroups getitimer
getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid getresuid getrlimit
get_robust_list getrusage getsid getsockname getsockopt gettid gettimeofday getuid getxattr
inotify_add_watch inotify_init inotify_init1 inotify_rm_watch ioctl io_cancel io_destroy
io_getevents io_pgetevents io_setup io_submit ioprio_get kill lchown lgetxattr link linkat listen
listxattr llistxattr lremovexattr lseek lsetxattr lstat madvise membarrier memfd_create mincore mkdir
mkdirat mknod mknodat mlock mlock2 mlockall mmap mprotect mremap msgctl msgget msgrcv msgsnd msync
munlock munlockall
munmap nanosleep newfstatat open openat openat2 pause pidfd_open pidfd_send_signal pipe pipe2 poll
ppoll prctl pread64 preadv preadv2 prlimit64 pselect6 pwrite64 pwritev pwritev2 read readahead
readlink readlinkat readv recvfrom recvmmsg recvmsg removexattr rename renameat renameat2
restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn
rt_sigsuspend rt_sigtimedwait rt_tgsigqueueinfo sched_getaffinity sched_getattr sched_getparam
sched_get_priority_max sched_get_priority_min sched_getscheduler sched_rr_get_interval
sched_setaffinity sched_setattr sched_setparam sched_setscheduler sched_yield select semctl semget
semop semtimedop sendfile sendmmsg sendmsg sendto setfsgid setfsuid setgid setgroups setitimer
setpgid setpriority setregid setresgid setresuid setreuid setrlimit set_robust_list setsid
setsockopt set_tid_address setuid setxattr shmat shmctl shmdt shmget shutdown sigaltstack signalfd
signalfd4 socketpair splice stat statfs statx symlink symlinkat sync sync_file_range syncfs sysinfo
tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime timer_settime timerfd_create
timerfd_gettime timerfd_settime times tkill truncate umask uname unlink unlinkat utime utimensat
utimes vfork vmsplice wait4 waitid write writev arch_prctl
`
  .trim()
  .split(/\s+/);

/** Never allowed, whatever else changes: the attacks the hostile corpus tries. */
export const FORBIDDEN = [
  "ptrace",
  "process_vm_readv",
  "process_vm_writev",
  "keyctl",
  "add_key",
  "request_key",
  "bpf",
  "io_uring_setup",
  "io_uring_enter",
  "io_uring_register",
  "mount",
  "umount2",
  "unshare",
  "setns",
  "perf_event_open",
  "userfaultfd",
  "init_module",
  "finit_module",
  "delete_module",
  "kexec_load",
  "open_by_handle_at",
  "name_to_handle_at",
  "personality",
  "pivot_root",
  "chroot",
  "swapon",
  "swapoff",
  "reboot",
  "syslog",
  "acct",
  "clone3",
  "fsopen",
  "fsmount",
  "move_mount",
  "open_tree",
  "kcmp",
  "pidfd_getfd",
  "process_madvise",
  "lookup_dcookie",
  "quotactl",
  "modify_ldt",
  // POSIX message queues outlive a run in the container's IPC namespace, and nothing inside can list
  // them to clean up (no mqueue mount): a run could leave answers for the next.
  "mq_open",
  "mq_unlink",
  "mq_timedsend",
  "mq_timedreceive",
  "mq_notify",
  "mq_getsetattr",
];

// clone() flags that create namespaces (CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET).
const CLONE_NAMESPACE_FLAGS = 0x7e020000;
const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const ENOSYS = 38;
const EPERM = 1;

export function seccompProfile(): object {
  return {
    defaultAction: "SCMP_ACT_ERRNO",
    defaultErrnoRet: EPERM,
    // x86-64 only: no subarchitectures, so 32-bit system calls (int 0x80, x32) fail.
    architectures: ["SCMP_ARCH_X86_64"],
    syscalls: [
      { names: ALLOWED.filter((name) => !FORBIDDEN.includes(name)), action: "SCMP_ACT_ALLOW" },
      // Threads and fork, but no new namespaces.
      { names: ["clone"], action: "SCMP_ACT_ALLOW", args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS, valueTwo: 0, op: "SCMP_CMP_MASKED_EQ" }] },
      // glibc falls back to clone() when clone3 says "not implemented"; clone3's flags cannot be filtered.
      { names: ["clone3"], action: "SCMP_ACT_ERRNO", errnoRet: ENOSYS },
      ...[AF_UNIX, AF_INET, AF_INET6].map((family) => ({
        names: ["socket"],
        action: "SCMP_ACT_ALLOW",
        args: [{ index: 0, value: family, valueTwo: 0, op: "SCMP_CMP_EQ" }],
      })),
    ],
  };
}

/** The profile as Docker's SecurityOpt wants it inline. */
export const SECCOMP_SECURITY_OPT = `seccomp=${JSON.stringify(seccompProfile())}`;
