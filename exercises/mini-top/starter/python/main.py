"""mini-top: top's process table and docker stats' container line from two snapshots of /proc and a
container's cgroup files (see the statement for the exact input and output). The whole program is
yours: this one reads the input and walks its files, and computes nothing yet."""
import sys


def main():
    header = {}
    snapshot = 0
    path = ""
    for line in sys.stdin.read().split("\n"):
        if not line:
            continue
        key, _, value = line.partition(" ")
        if key in ("hertz", "pagesize", "cpus", "memtotal"):
            header[key] = int(value)
        elif key == "snapshot":
            snapshot = int(value)
        elif line.startswith("==> "):
            path = line[4:-4]  # "/proc/1204/stat"
        else:
            # TODO: the exercise. `line` is a line of the file `path` in snapshot `snapshot`: read the
            # cpu line, each process's stat line (the comm ends at the LAST ")") and status fields,
            # and the cgroup files; then match the snapshots' processes, compute the table, print it.
            pass


main()
