import threading

_lock = threading.Lock()
_total = 0


def counter_add(n: int) -> None:
    global _total
    with _lock:
        _total += n


def counter_total() -> int:
    with _lock:
        return _total
