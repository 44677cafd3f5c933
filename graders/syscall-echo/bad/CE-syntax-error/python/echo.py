"""Known bad: does not parse."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None
    os.write(out_fd, os.read(in_fd, 4096))
