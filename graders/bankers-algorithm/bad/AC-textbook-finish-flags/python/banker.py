"""Expected AC: the textbook's safety algorithm as written in Silberschatz et al. (Work, Finish), on
lists of lists with index loops: every pass goes through all n processes and skips the finished ones
by their flag, the comparison goes through every resource type without stopping at the first that
does not fit, and the passes stop only when one finishes nobody. Correct, slower than the reference
by a constant factor the performance check must allow."""
from bank import DENY_AVAILABLE, DENY_NEED, DENY_UNSAFE, GRANT, Bank


def _less_or_equal(a: list[int], b: list[int]) -> bool:
    ok = True
    for j in range(len(a)):
        if a[j] > b[j]:
            ok = False
    return ok


def request(bank: Bank, p: int, amounts: list[int]) -> str:
    if not _less_or_equal(amounts, bank.need[p]):
        return DENY_NEED
    if not _less_or_equal(amounts, bank.available):
        return DENY_AVAILABLE
    for j in range(bank.m):
        bank.available[j] -= amounts[j]
        bank.allocation[p][j] += amounts[j]
        bank.need[p][j] -= amounts[j]
    if safe_sequence(bank) is not None:
        return GRANT
    for j in range(bank.m):
        bank.available[j] += amounts[j]
        bank.allocation[p][j] -= amounts[j]
        bank.need[p][j] += amounts[j]
    return DENY_UNSAFE


def release(bank: Bank, p: int, amounts: list[int]) -> bool:
    if not _less_or_equal(amounts, bank.allocation[p]):
        return False
    for j in range(bank.m):
        bank.available[j] += amounts[j]
        bank.allocation[p][j] -= amounts[j]
        bank.need[p][j] += amounts[j]
    return True


def safe_sequence(bank: Bank) -> list[int] | None:
    n, m = bank.n, bank.m
    work = bank.available[:]
    finish = [False] * n
    order = []
    while True:
        found = False
        for i in range(n):
            if not finish[i] and _less_or_equal(bank.need[i], work):
                for j in range(m):
                    work[j] += bank.allocation[i][j]
                finish[i] = True
                order.append(i)
                found = True
        if not found:
            break
    if all(finish):
        return order
    return None
