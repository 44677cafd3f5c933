"""The reference: the textbook file system, every structure read from the device when needed and
written back at once; only the geometry (fixed at mkfs) is kept in memory."""
import struct

from disk import (
    BLOCK_SIZE, DIR, EBUSY, EEXIST, EFBIG, EISDIR, ENAMETOOLONG, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY,
    EPERM, FILE, MAX_FILE_SIZE, NAME_MAX, OK, read_block, write_block,
)

MAGIC = 0x444F4E49
DIRECT = 10
INODE_BITMAP, BLOCK_BITMAP, INODE_TABLE = 1, 2, 3
ENTRY = 32
ROOT = 1
SUPER = struct.Struct("<11I")
INODE = struct.Struct("<HHI10II12x")
POINTERS = struct.Struct("<256I")
ZERO = bytes(BLOCK_SIZE)

geometry = {"blocks": 0, "inodes": 0, "first_data": 0}


class Inode:
    __slots__ = ("number", "type", "links", "size", "direct", "indirect")

    def __init__(self, number, kind=0, links=0, size=0, direct=None, indirect=0):
        self.number, self.type, self.links, self.size = number, kind, links, size
        self.direct = direct if direct is not None else [0] * DIRECT
        self.indirect = indirect


def get_inode(n: int) -> Inode:
    block = read_block(INODE_TABLE + n // 16)
    kind, links, size, *rest = INODE.unpack_from(block, n % 16 * 64)
    return Inode(n, kind, links, size, list(rest[:DIRECT]), rest[DIRECT])


def put_inode(inode: Inode) -> None:
    n = inode.number
    block = bytearray(read_block(INODE_TABLE + n // 16))
    INODE.pack_into(block, n % 16 * 64, inode.type, inode.links, inode.size, *inode.direct, inode.indirect)
    write_block(INODE_TABLE + n // 16, block)


def add_free(field: int, delta: int) -> None:
    block = bytearray(read_block(0))
    values = list(SUPER.unpack_from(block))
    values[field] += delta
    SUPER.pack_into(block, 0, *values)
    write_block(0, block)


def take_bit(bitmap: int, start: int, limit: int) -> int:
    block = bytearray(read_block(bitmap))
    for n in range(start, limit):
        if not block[n >> 3] & 1 << (n & 7):
            block[n >> 3] |= 1 << (n & 7)
            write_block(bitmap, block)
            return n
    raise RuntimeError("no free bit: the space check should have refused")


def clear_bit(bitmap: int, n: int) -> None:
    block = bytearray(read_block(bitmap))
    block[n >> 3] &= ~(1 << (n & 7)) & 0xFF
    write_block(bitmap, block)


def alloc_block() -> int:
    n = take_bit(BLOCK_BITMAP, geometry["first_data"], geometry["blocks"])
    add_free(8, -1)
    write_block(n, ZERO)
    return n


def free_block(n: int) -> None:
    clear_bit(BLOCK_BITMAP, n)
    add_free(8, 1)


def blocks_for(size: int) -> int:
    data = -(-size // BLOCK_SIZE)
    return data + (data > DIRECT)


def bmap(inode: Inode, index: int) -> int:
    if index < DIRECT:
        return inode.direct[index]
    return POINTERS.unpack_from(read_block(inode.indirect))[index - DIRECT]


def append_block(inode: Inode, index: int) -> int:
    if index < DIRECT:
        inode.direct[index] = alloc_block()
        return inode.direct[index]
    if index == DIRECT:
        inode.indirect = alloc_block()
    block = alloc_block()
    pointers = bytearray(read_block(inode.indirect))
    struct.pack_into("<I", pointers, 4 * (index - DIRECT), block)
    write_block(inode.indirect, pointers)
    return block


def release(inode: Inode) -> None:
    for index in range(-(-inode.size // BLOCK_SIZE)):
        free_block(bmap(inode, index))
    if inode.indirect:
        free_block(inode.indirect)
    put_inode(Inode(inode.number))
    clear_bit(INODE_BITMAP, inode.number)
    add_free(9, 1)


def entries(directory: Inode):
    """(slot, inode, name) of every slot, empty ones included."""
    for b in range(-(-directory.size // BLOCK_SIZE)):
        block = read_block(bmap(directory, b))
        for i in range(min(32, directory.size // ENTRY - b * 32)):
            at = i * ENTRY
            yield b * 32 + i, int.from_bytes(block[at : at + 4], "little"), block[at + 4 : at + ENTRY].split(b"\0", 1)[0]


def find(directory: Inode, name: bytes):
    for slot, inode, entry_name in entries(directory):
        if inode and entry_name == name:
            return slot, inode
    return None


def names_fit(path: str) -> bool:
    return all(len(name) <= NAME_MAX for name in path.split("/"))


def resolve(path: str):
    """(OK, inode number) or (error, None)."""
    if not names_fit(path):
        return ENAMETOOLONG, None
    current = ROOT
    for name in path.split("/")[1:]:
        if not name:
            continue
        inode = get_inode(current)
        if inode.type != DIR:
            return ENOTDIR, None
        found = find(inode, name.encode())
        if found is None:
            return ENOENT, None
        current = found[1]
    return OK, current


def parent_of(path: str):
    """(OK, parent inode, last name) or (error, None, None)."""
    head, _, name = path.rpartition("/")
    code, n = resolve(head or "/")
    if code != OK:
        return code, None, None
    parent = get_inode(n)
    if parent.type != DIR:
        return ENOTDIR, None, None
    return OK, parent, name.encode()


def new_slot(directory: Inode):
    """(OK, slot, cost in blocks) or (EFBIG, None, None)."""
    for slot, inode, _ in entries(directory):
        if not inode:
            return OK, slot, 0
    if directory.size + ENTRY > MAX_FILE_SIZE:
        return EFBIG, None, None
    return OK, directory.size // ENTRY, blocks_for(directory.size + ENTRY) - blocks_for(directory.size)


def set_entry(directory: Inode, slot: int, inode: int, name: bytes) -> None:
    if slot * ENTRY == directory.size:
        if directory.size % BLOCK_SIZE == 0:
            append_block(directory, directory.size // BLOCK_SIZE)
        directory.size += ENTRY
    b = bmap(directory, slot // 32)
    block = bytearray(read_block(b))
    at = slot % 32 * ENTRY
    block[at : at + ENTRY] = inode.to_bytes(4, "little") + name.ljust(28, b"\0")
    write_block(b, block)


def clear_entry(directory: Inode, slot: int) -> None:
    b = bmap(directory, slot // 32)
    block = bytearray(read_block(b))
    block[slot % 32 * ENTRY : slot % 32 * ENTRY + ENTRY] = bytes(ENTRY)
    write_block(b, block)


def has_space(inodes: int, blocks: int) -> bool:
    values = SUPER.unpack_from(read_block(0))
    return values[9] >= inodes and values[8] >= blocks


def mkfs(blocks: int) -> None:
    inodes = 16 * (blocks // 64)
    first_data = INODE_TABLE + inodes // 16
    geometry.update(blocks=blocks, inodes=inodes, first_data=first_data)
    write_block(0, SUPER.pack(MAGIC, blocks, inodes, INODE_BITMAP, BLOCK_BITMAP, INODE_TABLE, inodes // 16, first_data, blocks - first_data, inodes - 1, ROOT).ljust(BLOCK_SIZE, b"\0"))
    write_block(INODE_BITMAP, b"\1".ljust(BLOCK_SIZE, b"\0"))
    bitmap = bytearray(BLOCK_SIZE)
    for b in range(first_data):
        bitmap[b >> 3] |= 1 << (b & 7)
    write_block(BLOCK_BITMAP, bitmap)
    root = Inode(take_bit(INODE_BITMAP, 1, inodes), DIR, 2)
    add_free(9, -1)
    set_entry(root, 0, root.number, b".")
    set_entry(root, 1, root.number, b"..")
    put_inode(root)


def make(path: str, kind: int) -> int:
    if not names_fit(path):
        return ENAMETOOLONG
    if path == "/":
        return EEXIST
    code, parent, name = parent_of(path)
    if code != OK:
        return code
    if find(parent, name) is not None:
        return EEXIST
    code, slot, cost = new_slot(parent)
    if code != OK:
        return code
    if not has_space(1, cost + (kind == DIR)):
        return ENOSPC
    inode = Inode(take_bit(INODE_BITMAP, 1, geometry["inodes"]), kind, 1)
    add_free(9, -1)
    if kind == DIR:
        inode.links = 2
        set_entry(inode, 0, inode.number, b".")
        set_entry(inode, 1, parent.number, b"..")
        parent.links += 1
    put_inode(inode)
    set_entry(parent, slot, inode.number, name)
    put_inode(parent)
    return OK


def mkdir(path: str) -> int:
    return make(path, DIR)


def create(path: str) -> int:
    return make(path, FILE)


def write(path: str, offset: int, data: bytes) -> int:
    code, n = resolve(path)
    if code != OK:
        return code
    inode = get_inode(n)
    if inode.type == DIR:
        return EISDIR
    if offset + len(data) > MAX_FILE_SIZE:
        return EFBIG
    if not data:
        return OK
    end = max(inode.size, offset + len(data))
    for index in range(-(-inode.size // BLOCK_SIZE), -(-end // BLOCK_SIZE)):
        # Allocates until the disk is full, then gives up.
        if not has_space(0, 2 if index == DIRECT else 1):
            put_inode(inode)
            return ENOSPC
        append_block(inode, index)
    at = offset
    while at < offset + len(data):
        b, within = bmap(inode, at // BLOCK_SIZE), at % BLOCK_SIZE
        chunk = min(BLOCK_SIZE - within, offset + len(data) - at)
        if chunk == BLOCK_SIZE:
            write_block(b, data[at - offset : at - offset + chunk])
        else:
            block = bytearray(read_block(b))
            block[within : within + chunk] = data[at - offset : at - offset + chunk]
            write_block(b, block)
        at += chunk
    inode.size = end
    put_inode(inode)
    return OK


def read(path: str, offset: int, length: int):
    code, n = resolve(path)
    if code != OK:
        return code, None
    inode = get_inode(n)
    if inode.type == DIR:
        return EISDIR, None
    count = max(0, min(length, inode.size - offset))
    parts = []
    at = offset
    while at < offset + count:
        within = at % BLOCK_SIZE
        chunk = min(BLOCK_SIZE - within, offset + count - at)
        parts.append(read_block(bmap(inode, at // BLOCK_SIZE))[within : within + chunk])
        at += chunk
    return OK, b"".join(parts)


def stat_of(inode: Inode):
    return inode.number, inode.type, inode.links, inode.size, blocks_for(inode.size)


def stat(path: str):
    code, n = resolve(path)
    return (code, None) if code != OK else (OK, stat_of(get_inode(n)))


def ls(path: str):
    code, n = resolve(path)
    if code != OK:
        return code, None
    directory = get_inode(n)
    if directory.type != DIR:
        return ENOTDIR, None
    return OK, [(name.decode(), *stat_of(get_inode(inode))) for _, inode, name in entries(directory) if inode]


def link(existing: str, path: str) -> int:
    code, n = resolve(existing)
    if code != OK:
        return code
    if get_inode(n).type == DIR:
        return EPERM
    if not names_fit(path):
        return ENAMETOOLONG
    if path == "/":
        return EEXIST
    code, parent, name = parent_of(path)
    if code != OK:
        return code
    if find(parent, name) is not None:
        return EEXIST
    code, slot, cost = new_slot(parent)
    if code != OK:
        return code
    if not has_space(0, cost):
        return ENOSPC
    set_entry(parent, slot, n, name)
    put_inode(parent)
    inode = get_inode(n)
    inode.links += 1
    put_inode(inode)
    return OK


def remove_entry(path: str) -> Inode:
    _, parent, name = parent_of(path)
    clear_entry(parent, find(parent, name)[0])
    return parent


def unlink(path: str) -> int:
    code, n = resolve(path)
    if code != OK:
        return code
    if get_inode(n).type == DIR:
        return EISDIR
    remove_entry(path)
    inode = get_inode(n)
    inode.links -= 1
    if inode.links > 0:
        put_inode(inode)
    else:
        release(inode)
    return OK


def rmdir(path: str) -> int:
    if not names_fit(path):
        return ENAMETOOLONG
    if path == "/":
        return EBUSY
    code, n = resolve(path)
    if code != OK:
        return code
    directory = get_inode(n)
    if directory.type != DIR:
        return ENOTDIR
    if any(inode and slot > 1 for slot, inode, _ in entries(directory)):
        return ENOTEMPTY
    parent = remove_entry(path)
    parent.links -= 1
    put_inode(parent)
    release(directory)
    return OK
