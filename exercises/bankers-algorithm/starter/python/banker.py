from bank import DENY_AVAILABLE, DENY_NEED, DENY_UNSAFE, GRANT, Bank


def request(bank: Bank, p: int, amounts: list[int]) -> str:
    """Decide whether process p may have amounts[j] more of each resource type j. Check, in this
    order: more than its need (DENY_NEED), more than is available (DENY_AVAILABLE), a state after
    granting that is unsafe (DENY_UNSAFE). On GRANT update available, allocation and need; on a
    denial leave the state as it was."""
    # TODO: check the need, then what is available, then grant tentatively and keep the grant
    # only if safe_sequence says the new state is safe.
    return DENY_UNSAFE


def release(bank: Bank, p: int, amounts: list[int]) -> bool:
    """Give back amounts[j] of each resource type j from process p. Return False, and change
    nothing, if p holds less than that of some resource type."""
    # TODO
    return False


def safe_sequence(bank: Bank) -> list[int] | None:
    """A safe sequence (every process exactly once, in an order in which each can finish), or None
    if the state is unsafe. Change nothing."""
    # TODO: start with work = available; repeatedly let a process whose need fits in work finish
    # (work += its allocation). Safe if every process finishes.
    return None
