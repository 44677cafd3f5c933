"""Known bad: correct lines, but each batch goes out in one os.write whose count is ignored, so
whatever a short write did not take is lost."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    pending = b""
    while True:
        block = os.read(in_fd, 65536)
        if not block:
            break
        lines = (pending + block).split(b"\n")
        pending = lines.pop()
        if lines:
            os.write(out_fd, b"".join(b"%d %s\n" % (len(line), line) for line in lines))
    if pending:
        os.write(out_fd, b"%d %s\n" % (len(pending), pending))
