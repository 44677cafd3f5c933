"""Known bad: drops the piece after a final newline, but empty input is one empty piece with no
newline, so it prints "0 " where the output must be empty."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while block := os.read(in_fd, 65536):
        chunks.append(block)
    data = b"".join(chunks)
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    out = memoryview(b"".join(b"%d %s\n" % (len(line), line) for line in lines))
    while out:
        out = out[os.write(out_fd, out):]
