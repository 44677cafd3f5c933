"""The banker's state and the answers to a request, shared by the driver and banker.py."""

GRANT = "GRANT"
DENY_NEED = "DENY NEED"
DENY_AVAILABLE = "DENY AVAILABLE"
DENY_UNSAFE = "DENY UNSAFE"


class Bank:
    """n processes and m resource types. available[j] is free; for process i and resource type j,
    max[i][j] is the most it declared it may ever hold, allocation[i][j] what it holds now, and
    need[i][j] = max[i][j] - allocation[i][j] (keep it up to date when allocation changes)."""

    __slots__ = ("n", "m", "available", "max", "allocation", "need")

    def __init__(self, available: list[int], maximum: list[list[int]], allocation: list[list[int]]):
        self.n = len(maximum)
        self.m = len(available)
        self.available = available
        self.max = maximum
        self.allocation = allocation
        self.need = [[most - held for most, held in zip(row, held_row)] for row, held_row in zip(maximum, allocation)]
