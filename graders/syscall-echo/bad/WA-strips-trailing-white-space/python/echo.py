"""Known bad: takes the newline off with rstrip(), which takes trailing spaces and tabs with it."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while block := os.read(in_fd, 65536):
        chunks.append(block)
    data = b"".join(chunks)
    lines = data.split(b"\n")
    if not data or data.endswith(b"\n"):
        lines.pop()
    stripped = [line.rstrip() for line in lines]
    out = memoryview(b"".join(b"%d %s\n" % (len(line), line) for line in stripped))
    while out:
        out = out[os.write(out_fd, out):]
