# attack: leaves files in /tmp and /dev/shm for the next run to find (to cache answers).
# runs: 2
# expect: OK
# stdout: ^fresh\n$
# must not: find them in the next run: scratch space is emptied, or the container replaced.
import os
paths = ["/tmp/cache", "/dev/shm/cache"]
if any(os.path.exists(p) for p in paths):
    print("LEAKED from an earlier run")
else:
    for p in paths:
        with open(p, "w") as f:
            f.write("answers")
    os.makedirs("/tmp/locked/deeper", exist_ok=True)
    os.chmod("/tmp/locked", 0)
    print("fresh")
