"""The driver: reads the scenarios, runs each one's operations on your allocator, keeps track of what
each allocation got, and prints the results. Input is read and split in one go, output joined in one
go: tests have a million operations."""
import os
import reprlib
import sys
from typing import NoReturn

from buddy import Buddy

MAX_SCENARIOS = 20
MAX_ORDER = 24
MAX_OPERATIONS = 1_000_000
MAX_OPERATIONS_IN_ALL = 2_000_000
MAX_PAGES = 1 << MAX_ORDER
DUMP = 0  # an operation is pages > 0 for an alloc, -k for a free, DUMP for a dump


def invalid(why: str) -> None:
    # Malformed input ends the run with a message on standard output and status 0, so that running
    # your own input shows the message next to the reference's identical one.
    print(f"invalid input: {why}")


def number(token: bytes | None, lowest: int, highest: int) -> int | None:
    """The token as an integer in lowest..highest, or None."""
    if token is None or not token.isdigit() or len(token) > 15:
        return None
    value = int(token)
    return value if lowest <= value <= highest else None


def read_operations(tokens: list[bytes], at: int, q: int) -> tuple[list[int], int] | str:
    """The q operations from tokens[at] on and where they end, or why they are malformed."""
    # One tight loop: the operations take one token or two, so they cannot be sliced and checked in
    # bulk, and doing so between the dumps measured no faster (int() of a token is most of the cost).
    operations: list[int] = []
    append = operations.append
    end = len(tokens)
    for i in range(1, q + 1):
        word = tokens[at] if at < end else None
        if word == b"dump":
            append(DUMP)
            at += 1
            continue
        value = tokens[at + 1] if at + 1 < end else b""
        if word == b"alloc":
            if not (value.isdigit() and len(value) <= 15 and 1 <= (pages := int(value)) <= MAX_PAGES):
                return f"operation {i}: pages must be 1 to 16777216"
            append(pages)
        elif word == b"free":
            if not (value.isdigit() and len(value) <= 15 and 1 <= (k := int(value)) <= MAX_OPERATIONS):
                return f"operation {i}: k must be 1 to 1000000"
            append(-k)
        else:
            return f"operation {i}: must be alloc <pages>, free <k> or dump"
        at += 2
    return operations, at


def fail(out: list[str], why: str) -> NoReturn:
    # An allocator that breaks the API's promises ends the run like malformed input: what was printed
    # so far (the earlier scenarios, and this one's lines up to the mistake), then the message,
    # status 0. os._exit, like the C and Go drivers' exit: the allocator cannot catch it and carry on.
    out.append(f"invalid allocator: {why}\n")
    sys.stdout.write("\n".join(out))
    sys.stdout.flush()
    os._exit(0)


def refuse_alloc(out: list[str], order: int, got: object, memory: int) -> NoReturn:
    if type(got) is not int:
        fail(out, f"alloc(order {order}) returned {reprlib.repr(got)}: the start of a block must be an int, "
                  "or -1 when no free block is large enough")
    fail(out, f"alloc(order {order}) returned {got}: a block of order {order} starts at a multiple of {1 << order}, "
              f"within pages 0 to {memory - 1}")


def refuse_free(out: list[str], start: int, order: int, merged: object, merged_start: object,
                merged_order: object) -> NoReturn:
    if type(merged_start) is not int or type(merged_order) is not int:
        fail(out, f"free({start}, order {order}) returned {reprlib.repr(merged)}: it must return a pair of ints, "
                  "the merged block's start and order")
    fail(out, f"free({start}, order {order}) gave the block of order {merged_order} at {merged_start}, "
              "which is not a block of the memory holding the freed one")


def free_blocks(out: list[str], buddy: Buddy, max_order: int, unallocated: int) -> list[list[int]]:
    """The allocator's free blocks, the starts of each order's (unsorted), checked against the pages
    not allocated."""
    reported = buddy.free_blocks()
    try:
        blocks = iter(reported)
    except TypeError:
        fail(out, f"free_blocks() returned {reprlib.repr(reported)}: it must return or yield (order, start) pairs")
    memory = 1 << max_order
    starts: list[list[int]] = [[] for _ in range(max_order + 1)]
    pages = 0
    for block in blocks:
        try:
            order, start = block
        except (TypeError, ValueError):
            order = start = None
        if type(order) is not int or type(start) is not int:
            fail(out, f"free_blocks() gave {reprlib.repr(block)}: each free block must be a pair of ints, "
                      "its order and start")
        if not 0 <= order <= max_order or not 0 <= start < memory or start & ((1 << order) - 1):
            fail(out, f"a free block of order {order} at {start} is not a block of the memory "
                      f"(pages 0 to {memory - 1}, starts a multiple of 2^order)")
        starts[order].append(start)
        pages += 1 << order
    if pages != unallocated:
        fail(out, f"the free blocks add up to {pages} pages, but {unallocated} pages are not allocated")
    return starts


def dump(starts: list[list[int]]) -> str:
    groups = [f"{order}:" + ",".join(map(str, sorted(group))) for order, group in enumerate(starts) if group]
    return "D " + " ".join(groups) if groups else "D -"


def run_scenario(out: list[str], max_order: int, full: bool, operations: list[int]) -> None:
    memory = 1 << max_order
    buddy = Buddy(max_order)
    alloc, free = buddy.alloc, buddy.free
    # Per allocation (1-based): (start, order, pages) while it is allocated, else None.
    held: list[tuple[int, int, int] | None] = [None]
    hold = held.append
    used = waste = 0
    allocated = failed = alloc_starts = freed = nothing = merged_orders = 0
    line = out.append
    # The loop runs a million times: locals, bound methods, and the checks in one condition each.
    for operation in operations:
        if operation > 0:
            pages = operation
            k = len(held)
            order = (pages - 1).bit_length()
            got = alloc(order) if order <= max_order else -1
            if type(got) is not int or got & ((1 << order) - 1) or not 0 <= got < memory:
                if type(got) is not int or got != -1:
                    refuse_alloc(out, order, got, memory)
                hold(None)
                failed += 1
                if full:
                    line(f"A{k} fail")
                continue
            hold((got, order, pages))
            allocated += 1
            alloc_starts += got
            used += 1 << order
            waste += (1 << order) - pages
            if full:
                line(f"A{k} {got} {order}")
        elif operation < 0:
            k = -operation
            if k >= len(held) or (block := held[k]) is None:
                nothing += 1
                if full:
                    line(f"F{k} not allocated")
                continue
            start, order, pages = block
            merged = free(start, order)
            try:
                merged_start, merged_order = merged
            except (TypeError, ValueError):
                merged_start = merged_order = None
            if (type(merged_start) is not int or type(merged_order) is not int
                    or not order <= merged_order <= max_order or merged_start & ((1 << merged_order) - 1)
                    or not merged_start <= start < merged_start + (1 << merged_order)):
                refuse_free(out, start, order, merged, merged_start, merged_order)
            held[k] = None
            freed += 1
            merged_orders += merged_order
            used -= 1 << order
            waste -= (1 << order) - pages
            if full:
                line(f"F{k} {merged_start} {merged_order}")
        elif full:  # a summary prints no dumps
            line(dump(free_blocks(out, buddy, max_order, memory - used)))
    starts = free_blocks(out, buddy, max_order, memory - used)
    largest = max((1 << order for order, group in enumerate(starts) if group), default=0)
    line(f"ALLOCS {allocated} {failed} {alloc_starts}")
    line(f"FREES {freed} {nothing} {merged_orders}")
    line(f"END {memory - used} {largest} {waste}")


def main() -> None:
    tokens = sys.stdin.buffer.read().split()

    def token(at: int) -> bytes | None:
        return tokens[at] if at < len(tokens) else None

    count = number(token(0), 1, MAX_SCENARIOS)
    if count is None:
        return invalid("the first line must be the number of scenarios (1 to 20)")
    # Everything is read and checked before anything runs: bad input prints nothing else.
    at, in_all, scenarios = 1, 0, []
    for k in range(1, count + 1):
        max_order = number(token(at), 0, MAX_ORDER)
        if max_order is None:
            return invalid(f"scenario {k}: M must be 0 to 24")
        q = number(token(at + 1), 1, MAX_OPERATIONS)
        if q is None:
            return invalid(f"scenario {k}: the number of operations must be 1 to 1000000")
        in_all += q
        if in_all > MAX_OPERATIONS_IN_ALL:
            return invalid(f"scenario {k}: the scenarios have more than 2000000 operations in all")
        report = token(at + 2)
        if report not in (b"full", b"summary"):
            return invalid(f"scenario {k}: the report must be full or summary")
        read = read_operations(tokens, at + 3, q)
        if isinstance(read, str):
            return invalid(f"scenario {k}, {read}")
        operations, at = read
        scenarios.append((max_order, report == b"full", operations))
    if at < len(tokens):
        return invalid(f"there is more input after the last scenario (the first line says {count})")
    del tokens

    out: list[str] = []
    for max_order, full, operations in scenarios:
        run_scenario(out, max_order, full, operations)
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
