"""Known bad: drops empty lines (it keeps only the non-empty pieces of the input), so an empty line
prints nothing instead of "0 "."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while block := os.read(in_fd, 65536):
        chunks.append(block)
    lines = [line for line in b"".join(chunks).split(b"\n") if line]
    out = memoryview(b"".join(b"%d %s\n" % (len(line), line) for line in lines))
    while out:
        out = out[os.write(out_fd, out):]
