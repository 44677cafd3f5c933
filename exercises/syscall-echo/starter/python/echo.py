import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    """Read in_fd to end of file with os.read; write every line to out_fd as b"<bytes> <line>\\n" with os.write."""
    # TODO
    pass
