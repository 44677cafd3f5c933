"""Known bad: a release adds to available and takes from the allocation but leaves the need as it
was, so Need is no longer Max - Allocation and the process can never again ask for what it gave back.
Caught by the hidden test "exact fits" (after a full release, a request within
the restored need is answered DENY NEED where DENY AVAILABLE is due)."""
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
    available, held = bank.available, bank.allocation[p]
    for j, amount in enumerate(amounts):
        available[j] += amount
        held[j] -= amount
    return True


def safe_sequence(bank: Bank) -> list[int] | None:
    work = bank.available[:]
    need, allocation = bank.need, bank.allocation
    order = []
    waiting = range(bank.n)
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
