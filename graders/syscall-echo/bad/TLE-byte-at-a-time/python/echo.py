"""Known bad: one os.read per byte and one os.write per line."""
import os


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data):]


def echo_lines(in_fd: int, out_fd: int) -> None:
    line = bytearray()
    open_line = False
    while True:
        byte = os.read(in_fd, 1)
        if not byte:
            break
        if byte == b"\n":
            _write_all(out_fd, b"%d %s\n" % (len(line), bytes(line)))
            line.clear()
            open_line = False
        else:
            line += byte
            open_line = True
    if open_line:
        _write_all(out_fd, b"%d %s\n" % (len(line), bytes(line)))
