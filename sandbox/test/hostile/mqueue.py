# attack: a POSIX message queue: it would outlive the run in the container's IPC namespace, where
# nothing can list it to clean it up.
# expect: OK
# stdout: ^refused\n$
# must not: create one: seccomp refuses the mq_* system calls.
import ctypes
import ctypes.util
rt = ctypes.CDLL(ctypes.util.find_library("rt") or "librt.so.1", use_errno=True)
fd = rt.mq_open(b"/osprep-cache", 0o100 | 0o2, 0o600, None)
print("opened a message queue" if fd >= 0 else "refused")
