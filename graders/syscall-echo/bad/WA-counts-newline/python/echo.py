"""Known bad: counts the newline as part of the line's length."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while True:
        block = os.read(in_fd, 65536)
        if not block:
            break
        chunks.append(block)
    data = b"".join(chunks)
    out = []
    for line in data.splitlines(keepends=True):
        body = line.rstrip(b"\n")
        out.append(b"%d %s\n" % (len(line), body))
    data = b"".join(out)
    while data:
        data = data[os.write(out_fd, data):]
