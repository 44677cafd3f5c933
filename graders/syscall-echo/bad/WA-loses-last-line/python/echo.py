"""Known bad: only prints lines that end in a newline."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    pending = b""
    out = []
    while True:
        block = os.read(in_fd, 65536)
        if not block:
            break
        lines = (pending + block).split(b"\n")
        pending = lines.pop()
        out.extend(b"%d %s\n" % (len(line), line) for line in lines)
    data = b"".join(out)
    while data:
        data = data[os.write(out_fd, data):]
