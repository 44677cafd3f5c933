"""Known bad: grants a request for nothing at once, without the safety check; in an unsafe state it
must be DENY UNSAFE. Caught by example 3 (REQUEST 3 0 0, line 3)."""
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
    if not any(amounts):
        return GRANT
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
