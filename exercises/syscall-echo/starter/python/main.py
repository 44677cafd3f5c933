"""The driver (read-only): calls your echo_lines on standard input and output the way the kernel may
serve them. Its os.read and os.write stand in for the os module's, so your calls reach them: your
first reads of standard input return short pieces, cut at awkward places (inside a multi-byte
character, just before a newline), and your first writes to standard output take only part of what
they are given, as read(2) and write(2) may."""
import os
import re

CUT_CALLS = 64  # how many of the first reads and writes are cut short
CUT_WINDOW = 4096  # within how much of their data
_real_read, _real_write = os.read, os.write
_continuation = re.compile(rb"[\x80-\xbf]")
_state = {"random": 0x2545F491, "reads": 0, "writes": 0, "ahead": b"", "at": 0}


def _next_random() -> int:
    x = _state["random"]
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    _state["random"] = x
    return x


def _awkward_cut(data, size: int, whole: bool) -> int:
    """How many of `size` bytes one call moves: all (if `whole`), those before a newline, those before
    the middle of a character, or some. Never 0; fewer than `size` unless `whole`."""
    if size < 2:
        return size
    window = min(size, CUT_WINDOW)
    kind = _next_random() % 4
    if kind == 0 and whole:
        return size
    if kind == 1:
        newline = bytes(data[1:window]).find(b"\n")
        if newline >= 0:
            return newline + 1
    if kind == 2:
        inside = _continuation.search(bytes(data[1:window]))
        if inside:
            return inside.start() + 1
    return 1 + _next_random() % (window - 1)


def _read(fd: int, count: int) -> bytes:
    if fd != 0 or count <= 0 or (_state["reads"] >= CUT_CALLS and _state["at"] == len(_state["ahead"])):
        return _real_read(fd, count)
    if _state["at"] == len(_state["ahead"]):
        _state["ahead"], _state["at"] = _real_read(fd, 65536), 0
        if not _state["ahead"]:
            return b""
    ahead, at = _state["ahead"], _state["at"]
    size = min(len(ahead) - at, count)
    if _state["reads"] < CUT_CALLS:
        _state["reads"] += 1
        size = _awkward_cut(memoryview(ahead)[at:], size, True)
    _state["at"] = at + size
    return ahead[at : at + size]


def _write(fd: int, data) -> int:
    view = memoryview(data).cast("B")
    if fd != 1 or len(view) < 2 or _state["writes"] >= CUT_CALLS:
        return _real_write(fd, data)
    _state["writes"] += 1
    return _real_write(fd, view[: _awkward_cut(view, len(view), False)])


os.read, os.write = _read, _write

from echo import echo_lines  # noqa: E402  (after the stand-ins, so that `from os import read` gets them)

if __name__ == "__main__":
    echo_lines(0, 1)
