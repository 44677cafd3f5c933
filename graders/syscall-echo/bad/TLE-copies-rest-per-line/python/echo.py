"""Known bad: correct, but it fills a 512 KiB buffer before it looks for lines, and after every line
slices off the rest (data = data[i + 1:]), a copy of everything behind the line in the buffer."""
import os

BLOCK = 512 * 1024


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def echo_lines(in_fd: int, out_fd: int) -> None:
    data = b""
    out = []
    wanted = BLOCK
    eof = False
    while not eof:
        while len(data) < wanted:
            block = os.read(in_fd, wanted - len(data))
            if not block:
                eof = True
                break
            data += block
        while (i := data.find(b"\n")) >= 0:
            out.append(b"%d %s\n" % (i, data[:i]))
            data = data[i + 1:]
        wanted = max(BLOCK, 2 * len(data))  # a line longer than the buffer: read on
    if data:
        out.append(b"%d %s\n" % (len(data), data))
    _write_all(out_fd, b"".join(out))
