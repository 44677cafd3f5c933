_total = 0


def counter_add(n: int) -> None:
    global _total
    if n:
        _total = n  # sets instead of adding


def counter_total() -> int:
    return _total
