"""Expected AC: correct, but each request that passes the first two checks is granted on copies of
the state's lists (available, and allocation and need row by row), checked there, and the copies
become the state only if they are safe: an O(n*m) copy per request, about one extra safety pass. A
constant factor the performance check must allow."""
from bank import DENY_AVAILABLE, DENY_NEED, DENY_UNSAFE, GRANT, Bank


def _fits(amounts: list[int], limit: list[int]) -> bool:
    return all(amount <= most for amount, most in zip(amounts, limit))


def request(bank: Bank, p: int, amounts: list[int]) -> str:
    if not _fits(amounts, bank.need[p]):
        return DENY_NEED
    if not _fits(amounts, bank.available):
        return DENY_AVAILABLE
    available = [free - amount for free, amount in zip(bank.available, amounts)]
    allocation = [row[:] for row in bank.allocation]
    need = [row[:] for row in bank.need]
    allocation[p] = [held + amount for held, amount in zip(allocation[p], amounts)]
    need[p] = [still - amount for still, amount in zip(need[p], amounts)]
    if _safe_order(available, allocation, need) is None:
        return DENY_UNSAFE
    bank.available, bank.allocation, bank.need = available, allocation, need
    return GRANT


def release(bank: Bank, p: int, amounts: list[int]) -> bool:
    if not _fits(amounts, bank.allocation[p]):
        return False
    available, held, need = bank.available, bank.allocation[p], bank.need[p]
    for j, amount in enumerate(amounts):
        available[j] += amount
        held[j] -= amount
        need[j] += amount
    return True


def safe_sequence(bank: Bank) -> list[int] | None:
    return _safe_order(bank.available, bank.allocation, bank.need)


def _safe_order(available: list[int], allocation: list[list[int]], need: list[list[int]]) -> list[int] | None:
    work = available[:]
    order = []
    waiting = range(len(need))
    while waiting:
        still = []
        for p in waiting:
            if _fits(need[p], work):
                work = [free + held for free, held in zip(work, allocation[p])]
                order.append(p)
            else:
                still.append(p)
        if len(still) == len(waiting):
            return None
        waiting = still
    return order
