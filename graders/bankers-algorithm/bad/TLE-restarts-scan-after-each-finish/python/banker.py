"""Known bad (slow): the textbook's "find an index i such that..." read literally: after every process
that finishes, scan again from process 0, rechecking all the waiting ones: O(n^2 * m) a check."""
from bank import DENY_AVAILABLE, DENY_NEED, DENY_UNSAFE, GRANT, Bank


def _fits(amounts: list[int], limit: list[int]) -> bool:
    return all(amount <= most for amount, most in zip(amounts, limit))


def _transfer(bank: Bank, p: int, amounts: list[int], sign: int) -> None:
    """Move amounts from the free pool to process p (sign 1) or back (sign -1)."""
    available, held, need = bank.available, bank.allocation[p], bank.need[p]
    for j, amount in enumerate(amounts):
        available[j] -= sign * amount
        held[j] += sign * amount
        need[j] -= sign * amount


def request(bank: Bank, p: int, amounts: list[int]) -> str:
    if not _fits(amounts, bank.need[p]):
        return DENY_NEED
    if not _fits(amounts, bank.available):
        return DENY_AVAILABLE
    _transfer(bank, p, amounts, 1)
    if safe_sequence(bank) is not None:
        return GRANT
    _transfer(bank, p, amounts, -1)
    return DENY_UNSAFE


def release(bank: Bank, p: int, amounts: list[int]) -> bool:
    if not _fits(amounts, bank.allocation[p]):
        return False
    _transfer(bank, p, amounts, -1)
    return True


def safe_sequence(bank: Bank) -> list[int] | None:
    work = bank.available[:]
    finished = [False] * bank.n
    order = []
    while len(order) < bank.n:
        for p in range(bank.n):
            if not finished[p] and _fits(bank.need[p], work):
                work = [free + held for free, held in zip(work, bank.allocation[p])]
                finished[p] = True
                order.append(p)
                break
        else:
            return None
    return order
