"""The driver: reads the frame count and the accesses, calls your Pager, prints a line per access
and the totals. Input is read and split in one go, output joined in one go: tests have a million
accesses."""
import sys

from pager import Pager

PAGE_LIMIT = 1_000_000
MAX_FRAMES = 100_000
MAX_ACCESSES = 1_000_000


def invalid(why: str) -> None:
    # Malformed input ends the run with a message on standard output and status 0, so that running
    # your own input shows the message next to the reference's identical one.
    print(f"invalid input: {why}")


def number(token: bytes, highest: int) -> int | None:
    """The token as an integer in 0..highest, or None."""
    return int(token) if token.isdigit() and len(token) <= 15 and int(token) <= highest else None


def main() -> None:
    tokens = sys.stdin.buffer.read().split()
    frames = number(tokens[0], MAX_FRAMES) if len(tokens) > 0 else None
    count = number(tokens[1], MAX_ACCESSES) if len(tokens) > 1 else None
    if not frames or count is None:
        return invalid("the first line must be the frame count (1 to 100000) and the number of accesses (0 to 1000000)")
    page_tokens, ops = tokens[2::2], tokens[3::2]
    del tokens
    # Checked in bulk (the per-access loop is only for the message): a million accesses.
    pages = []
    if (len(page_tokens) >= count and len(ops) >= count and set(ops[:count]) <= {b"R", b"W"}
            and all(map(bytes.isdigit, page_tokens[:count])) and max(map(len, page_tokens[:count]), default=0) <= 15):
        pages = list(map(int, page_tokens[:count]))
    if len(pages) < count or max(pages, default=0) >= PAGE_LIMIT:
        bad = next((i for i in range(count) if i >= len(ops) or ops[i] not in (b"R", b"W")
                    or number(page_tokens[i], PAGE_LIMIT - 1) is None), count)
        return invalid(f"access {bad + 1} must be a page number (0 to 999999) and R or W")
    if len(page_tokens) > count:
        return invalid(f"there are more accesses than the first line says ({count})")
    del page_tokens

    access = Pager(frames).access
    lines = []
    line = lines.append
    hits = writebacks = 0
    for page, op in zip(pages, ops):
        hit, evicted, dirty = access(page, op == b"W")
        if hit:
            hits += 1
            line("H")
        elif evicted is None:
            line("F")
        elif dirty:
            writebacks += 1
            line(f"F {evicted} W")
        else:
            line(f"F {evicted}")
    line(f"TOTAL accesses={count} hits={hits} faults={count - hits} writebacks={writebacks}\n")
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    main()
