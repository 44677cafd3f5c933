# attack: a POSIX message queue made without mq_open (refused by seccomp): open(O_CREAT) on the
# mqueue file system at /dev/mqueue creates one, and it would outlive the run in the container's IPC
# namespace, where a later test (of the same submission) could read an earlier test's input.
# runs: 2
# expect: OK
# stdout: ^refused\n$
# must not: create a queue, or find one left by the earlier run: /dev/mqueue is masked (empty, read-only).
import os

found = os.path.exists("/dev/mqueue/osprep-cache")
try:
    fd = os.open("/dev/mqueue/osprep-cache", os.O_CREAT | os.O_RDWR, 0o600)
    os.write(fd, b"an earlier test's input")
    created = True
except OSError:
    created = False
print("found one" if found else "created one" if created else "refused")
