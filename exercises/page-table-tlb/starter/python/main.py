"""The driver: reads the TLB size and the operations, calls your MMU once per operation, and prints
a line for each and the totals. Input is read and split in one go, output joined in one go: tests
have a million operations."""
import os
import re
import sys

from mmu import MMU

MAX_TLB_ENTRIES = 4096
MAX_OPERATIONS = 1_000_000
# Operation kinds: what an access needs (r = 4, w = 2, x = 1), or a table operation.
MAP, UNMAP, PROTECT = -1, -2, -3
KINDS = {b"map": MAP, b"unmap": UNMAP, b"protect": PROTECT, b"read": 4, b"write": 2, b"exec": 1}
PERMS = {bytes((r, w, x)): (r == 114) * 4 | (w == 119) * 2 | (x == 120) for r in b"r-" for w in b"w-" for x in b"x-"}
PAGE = re.compile(rb"0x[0-9a-f]{5}")
ADDRESS = re.compile(rb"0x[0-9a-f]{8}")
OUTCOMES = ("translated", "not-present", "protection")
SHAPES = "map <page> <frame> <perms>, unmap <page>, protect <page> <perms>, read <address>, write <address> or exec <address>"


def invalid(why: str) -> None:
    # Malformed input ends the run with a message on standard output and status 0, so that running
    # your own input shows the message next to the reference's identical one.
    print(f"invalid input: {why}")


def number(token: bytes | None, lowest: int, highest: int) -> int | None:
    """The token as a decimal integer in lowest..highest, or None."""
    if token is None or not token.isdigit() or len(token) > 15:
        return None
    value = int(token)
    return value if lowest <= value <= highest else None


def read_operations(tokens: list[bytes], count: int) -> list[tuple[int, int, int, int]] | str:
    """The operations as (kind, page or address, frame, perms), or why they are malformed."""
    operations = []
    add = operations.append
    page, address = PAGE.fullmatch, ADDRESS.fullmatch
    end = len(tokens)
    at = 2
    for i in range(1, count + 1):
        kind = KINDS.get(tokens[at]) if at < end else None
        if kind is None:
            return f"operation {i} must be {SHAPES}"
        value = tokens[at + 1] if at + 1 < end else b""
        if kind > 0:
            if not address(value):
                return f"operation {i}: an address is 0x and eight lowercase hex digits (0x00000000 to 0xffffffff)"
            add((kind, int(value, 16), 0, 0))
            at += 2
            continue
        frame = tokens[at + 2] if kind == MAP and at + 2 < end else b"0x00000"
        if not page(value) or not page(frame):
            return f"operation {i}: a page or frame number is 0x and five lowercase hex digits (0x00000 to 0xfffff)"
        if kind == UNMAP:
            add((kind, int(value, 16), 0, 0))
            at += 2
            continue
        at += 3 if kind == MAP else 2
        perms = PERMS.get(tokens[at]) if at < end else None
        if perms is None:
            return f"operation {i}: permissions are three characters: r or -, w or -, x or - (like rw- or r-x)"
        add((kind, int(value, 16), int(frame, 16), perms))
        at += 1
    if at < end:
        return f"there are more operations than the first line says ({count})"
    return operations


def main() -> None:
    tokens = sys.stdin.buffer.read().split()
    tlb_entries = number(tokens[0] if tokens else None, 1, MAX_TLB_ENTRIES)
    count = number(tokens[1] if len(tokens) > 1 else None, 0, MAX_OPERATIONS)
    if tlb_entries is None or count is None:
        return invalid("the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)")
    # Everything is read and checked before the MMU runs: bad input prints nothing else.
    operations = read_operations(tokens, count)
    if isinstance(operations, str):
        return invalid(operations)
    del tokens

    mmu = MMU(tlb_entries)
    map_page, unmap, protect, access, tables = mmu.map, mmu.unmap, mmu.protect, mmu.access, mmu.tables
    lines = []
    line = lines.append
    accesses = hits = not_present = protection = peak = 0
    for i, (kind, value, frame, perms) in enumerate(operations):
        if kind > 0:
            hit, outcome, physical = access(value, kind)
            accesses += 1
            if outcome == "translated" and type(physical) is int and 0 <= physical <= 0xffffffff:
                line(f"hit 0x{physical:08x}" if hit else f"miss 0x{physical:08x}")
            elif outcome == "not-present":
                not_present += 1
                line("hit not-present" if hit else "miss not-present")
            elif outcome == "protection":
                protection += 1
                line("hit protection" if hit else "miss protection")
            else:
                # What came before, then the message, status 0, like malformed input. os._exit, like
                # the C and Go drivers' return: nothing the MMU does can run after it.
                why = "the physical address is not 0 to 0xffffffff" if outcome == "translated" else "the outcome is none of translated, not-present and protection"
                lines.append(f"invalid result: operation {i + 1}: {why}\n")
                sys.stdout.write("\n".join(lines))
                sys.stdout.flush()
                os._exit(0)
            hits += bool(hit)
            continue
        if kind == MAP:
            what = "remapped" if map_page(value, frame, perms) else "mapped"
        elif kind == UNMAP:
            if not unmap(value):
                line("not-mapped")
                continue
            what = "unmapped"
        else:
            line("protected" if protect(value, perms) else "not-mapped")
            continue
        # A map or an unmap that changed the table: the tables in use after it.
        in_use = tables()
        peak = max(peak, in_use)
        line(f"{what} tables={in_use}")
    line(f"TOTAL accesses={accesses} hits={hits} misses={accesses - hits} not-present={not_present} protection={protection} tables={tables()} peak={peak}")
    lines.append("")
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    main()
