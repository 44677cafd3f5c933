"""Known bad: reads sys.stdin's buffer and writes sys.stdout's, which the statement forbids; refused
before it runs."""
import sys


def echo_lines(in_fd: int, out_fd: int) -> None:
    for line in sys.stdin.buffer:
        line = line.removesuffix(b"\n")
        sys.stdout.buffer.write(b"%d %s\n" % (len(line), line))
    sys.stdout.buffer.flush()
