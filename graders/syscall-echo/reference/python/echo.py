"""Reference: block reads, the unfinished line kept between reads, a write loop for short writes."""
import os

BLOCK = 64 * 1024


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def echo_lines(in_fd: int, out_fd: int) -> None:
    pending = b""
    out = []
    size = 0
    while True:
        block = os.read(in_fd, BLOCK)
        if not block:
            break
        lines = (pending + block).split(b"\n") if pending else block.split(b"\n")
        pending = lines.pop()
        for line in lines:
            out.append(b"%d %s\n" % (len(line), line))
            size += len(line) + 12
        if size >= BLOCK:
            _write_all(out_fd, b"".join(out))
            out, size = [], 0
    if pending:
        out.append(b"%d %s\n" % (len(pending), pending))
    _write_all(out_fd, b"".join(out))
