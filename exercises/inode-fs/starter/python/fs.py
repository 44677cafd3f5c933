"""Your file system, on the device of disk.py. The on-disk layout (see the statement, "The disk"):
block 0 the superblock, block 1 the inode bitmap, block 2 the block bitmap, then the inode table
(16 inodes of 64 bytes per block), then the data blocks. Everything must be on the device when
each function returns.

Each function returns a code from disk.py (OK or an error); read, stat and ls return (code, result).
"""
import struct

from disk import BLOCK_SIZE, ENOENT, ENOSPC, write_block


def mkfs(blocks: int) -> None:
    """Formats the device (all zeros) as an empty file system of `blocks` blocks (64 to 8192)."""
    # TODO: the superblock, both bitmaps, and the root directory (inode 1, with "." and "..").
    inodes = 16 * (blocks // 64)
    superblock = struct.pack("<11I", 0x444F4E49, blocks, inodes, 1, 2, 3, inodes // 16, 3 + inodes // 16, 0, 0, 1)
    write_block(0, superblock.ljust(BLOCK_SIZE, b"\0"))


def mkdir(path: str) -> int:
    return ENOSPC  # TODO


def create(path: str) -> int:
    return ENOSPC  # TODO


def write(path: str, offset: int, data: bytes) -> int:
    return ENOENT  # TODO


def read(path: str, offset: int, length: int) -> tuple[int, bytes | None]:
    """(OK, the bytes: at most length, fewer past the end), or (error, None)."""
    return ENOENT, None  # TODO


def stat(path: str) -> tuple[int, tuple[int, int, int, int, int] | None]:
    """(OK, (inode, type, links, size, blocks)), or (error, None)."""
    return ENOENT, None  # TODO


def ls(path: str) -> tuple[int, list[tuple[str, int, int, int, int, int]] | None]:
    """(OK, [(name, inode, type, links, size, blocks), …] in slot order, "." and ".." included), or (error, None)."""
    return ENOENT, None  # TODO


def link(existing: str, path: str) -> int:
    return ENOENT  # TODO


def unlink(path: str) -> int:
    return ENOENT  # TODO


def rmdir(path: str) -> int:
    return ENOENT  # TODO
