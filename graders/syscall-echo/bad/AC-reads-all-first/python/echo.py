"""Reasonable, not optimal: reads the whole input into memory first, then splits it into lines and
writes the answer at once (memory grows with the input). Must be accepted."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while block := os.read(in_fd, 65536):
        chunks.append(block)
    data = b"".join(chunks)
    if not data:
        return
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    out = memoryview(b"".join(b"%d %s\n" % (len(line), line) for line in lines))
    while out:
        out = out[os.write(out_fd, out):]
