"""The driver: reads the system state and the operations from standard input, calls your request,
release and safe_sequence (banker.py) for each, and prints the answers."""
import sys

from bank import DENY_AVAILABLE, DENY_NEED, DENY_UNSAFE, GRANT, Bank
from banker import release, request, safe_sequence

MAX_VALUE = 1_000_000_000
DECISIONS = {GRANT, DENY_NEED, DENY_AVAILABLE, DENY_UNSAFE}


def bad_input(expected: str) -> None:
    sys.exit(f"Invalid input: expected {expected}.")


class Input:
    def __init__(self, data: bytes):
        self.tokens = data.split()
        self.at = 0

    def numbers(self, count: int, what: str, low: int = 0, high: int = MAX_VALUE) -> list[int]:
        chunk = self.tokens[self.at : self.at + count]
        self.at += count
        if len(chunk) != count or not all(map(bytes.isdigit, chunk)):
            bad_input(what)
        values = list(map(int, chunk))
        if values and (min(values) < low or max(values) > high):
            bad_input(what)
        return values

    def word(self) -> bytes:
        self.at += 1
        return self.tokens[self.at - 1] if self.at <= len(self.tokens) else b""


def main() -> None:
    data = Input(sys.stdin.buffer.read())
    n, m = data.numbers(2, "n >= 1 processes and m >= 1 resource types", 1, 1_000_000)
    if n * m > 1_000_000:
        bad_input("n * m <= 1,000,000")
    available = data.numbers(m, "available amounts (0 to 1,000,000,000)")
    maximum = [data.numbers(m, "maxima (0 to 1,000,000,000)") for _ in range(n)]
    allocation = [data.numbers(m, "allocations (0 to 1,000,000,000)") for _ in range(n)]
    if any(held > most for row, held_row in zip(maximum, allocation) for most, held in zip(row, held_row)):
        bad_input("allocations no larger than maxima")
    if any(total > MAX_VALUE for total in map(sum, zip(available, *allocation))):
        bad_input("at most 1,000,000,000 of each resource type in all")
    bank = Bank(available, maximum, allocation)

    out = []
    (operations,) = data.numbers(1, "the number of operations", 0, 100_000_000)
    for _ in range(operations):
        word = data.word()
        if word == b"SAFE?":
            order = safe_sequence(bank)
            out.append("UNSAFE" if order is None else "SAFE " + " ".join(map(str, order)))
        elif word == b"REQUEST" or word == b"RELEASE":
            (p,) = data.numbers(1, "a process number (0 to n - 1)", 0, n - 1)
            amounts = data.numbers(m, "amounts (0 to 1,000,000,000)")
            if word == b"REQUEST":
                decision = request(bank, p, amounts)
                out.append(decision if decision in DECISIONS else "(not a decision)")
            else:
                out.append("OK" if release(bank, p, amounts) else "INVALID")
        else:
            bad_input("REQUEST, RELEASE or SAFE?")
    if data.at != len(data.tokens):
        bad_input("the end of the input after the last operation")
    sys.stdout.write("".join(line + "\n" for line in out))


if __name__ == "__main__":
    main()
