"""The driver: creates the device (/tmp/disk.img, N blocks of zeros), reads the commands, calls your
file system once per command, prints a line for each answer, and at the end prints the device's
every block that is not all zeros, for the grader's fsck."""
import os
import re
import sys
import zlib

import disk
import fs

DEVICE = "/tmp/disk.img"
MAX_COMMANDS = 200_000
MAX_OFFSET = 1_000_000
ARGUMENTS = {b"mkdir": 1, b"create": 1, b"write": 4, b"read": 3, b"stat": 1, b"ls": 1, b"link": 2, b"unlink": 1, b"rmdir": 1}
PATH = re.compile(rb"/|(?:/[!-.0-~]+)+")
TYPES = {disk.FILE: "file", disk.DIR: "dir"}

lines: list[str] = []


def stop(message: str) -> None:
    # What came before, then the message, status 0. os._exit: nothing of yours runs after it.
    lines.append(message)
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    os._exit(0)


def number(token: bytes | None, highest: int) -> int | None:
    if token is None or not token.isdigit() or len(token) > 9:
        return None
    value = int(token)
    return value if value <= highest else None


def valid_path(token: bytes | None) -> bool:
    return (
        token is not None
        and len(token) <= 1023
        and PATH.fullmatch(token) is not None
        and b"." not in token.split(b"/")
        and b".." not in token.split(b"/")
    )


def read_commands(tokens: list[bytes]) -> list[tuple]:
    commands = []
    at, end = 2, len(tokens)
    while at < end:
        if len(commands) == MAX_COMMANDS:
            stop("invalid input: more than 200000 commands")
        name = tokens[at]
        count = ARGUMENTS.get(name)
        args = tokens[at + 1 : at + 1 + count] if count else []
        at += 1 + (count or 0)
        ok = count is not None and len(args) == count and valid_path(args[0])
        if ok and name == b"write":
            numbers = (number(args[1], MAX_OFFSET), number(args[2], disk.MAX_FILE_SIZE), number(args[3], 255))
            ok = None not in numbers
        elif ok and name == b"read":
            numbers = (number(args[1], MAX_OFFSET), number(args[2], disk.MAX_FILE_SIZE))
            ok = None not in numbers
        elif ok and name == b"link":
            ok = valid_path(args[1])
            numbers = ()
        else:
            numbers = ()
        if not ok:
            stop(f'invalid input: command {len(commands) + 1} is not one of the forms in "Input"')
        commands.append((name.decode(), args[0].decode(), args[1].decode() if name == b"link" else None, *numbers))
    return commands


def answer(number: int, code) -> str:
    if type(code) is not int or not 0 <= code < len(disk.ERRORS):
        stop(f"invalid result: command {number} returned {code!r}, which is none of the codes in disk.py")
    return disk.ERRORS[code]


def stat_line(number: int, stat) -> str:
    try:
        inode, kind, links, size, blocks = stat
        return f"{int(inode)} {TYPES.get(kind, '?')} {int(links)} {int(size)} {int(blocks)}"
    except (TypeError, ValueError):
        stop(f"invalid result: command {number} returned a stat that is not (inode, type, links, size, blocks)")


def pattern(offset: int, length: int, seed: int) -> bytes:
    # Byte i is ((offset + i) * 31 + seed) mod 256: it repeats every 256 bytes.
    period = bytes(((offset + i) * 31 + seed) & 0xFF for i in range(256))
    return (period * (length // 256 + 1))[:length]


def main() -> None:
    tokens = sys.stdin.buffer.read().split()
    blocks = number(tokens[1], 8192) if len(tokens) > 1 and tokens[0] == b"mkfs" else None
    if blocks is None or blocks < 64:
        stop("invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks")
    # Everything is read and checked before the file system runs: bad input prints nothing else.
    commands = read_commands(tokens)
    del tokens
    disk.open_device(DEVICE, blocks, stop)
    fs.mkfs(blocks)
    out = lines.append
    out("ok")
    for i, (name, path, target, *numbers) in enumerate(commands, 1):
        if name == "write":
            offset, length, seed = numbers
            out(answer(i, fs.write(path, offset, pattern(offset, length, seed))))
        elif name == "read":
            offset, length = numbers
            result = fs.read(path, offset, length)
            code, data = result if isinstance(result, tuple) and len(result) == 2 else (None, None)
            if code != disk.OK:
                out(answer(i, code))
            elif not isinstance(data, (bytes, bytearray)) or len(data) > length:
                stop(f"invalid result: command {i}: a read returns (OK, bytes), at most as many as asked for")
            else:
                out(f"{len(data)} {zlib.crc32(data):08x}")
        elif name == "stat":
            code, stat = fs.stat(path)
            out(stat_line(i, stat) if code == disk.OK else answer(i, code))
        elif name == "ls":
            code, entries = fs.ls(path)
            if code != disk.OK:
                out(answer(i, code))
                continue
            out(f"{len(entries)} entries")
            for entry_name, *stat in entries:
                out(f"{entry_name} {stat_line(i, stat)}")
        elif name == "link":
            out(answer(i, fs.link(path, target)))
        else:
            out(answer(i, getattr(fs, name)(path)))
    lines.extend(disk.dump())
    lines.append("")
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    main()
