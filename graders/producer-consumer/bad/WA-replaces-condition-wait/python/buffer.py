"""Wrong: a correct buffer, but it replaces threading.Condition.wait with a copy of the library's
that never wakes without a notify, to escape the harness's spurious wakeups. The harness checks that
what it relies on is still its own, and refuses the run."""
import collections
import threading


def _steady_wait(self, timeout=None):
    waiter = threading.Lock()
    waiter.acquire()
    self._waiters.append(waiter)
    saved = self._release_save()
    try:
        return waiter.acquire(True, -1 if timeout is None else timeout)
    finally:
        self._acquire_restore(saved)


threading.Condition.wait = _steady_wait


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._items: collections.deque[int] = collections.deque()
        self._lock = threading.Lock()
        self._not_empty = threading.Condition(self._lock)
        self._not_full = threading.Condition(self._lock)
        self._closed = False

    def put(self, item: int) -> bool:
        with self._lock:
            while len(self._items) == self._capacity and not self._closed:
                self._not_full.wait()
            if self._closed:
                return False
            self._items.append(item)
            self._not_empty.notify()
            return True

    def get(self) -> int | None:
        with self._lock:
            while not self._items and not self._closed:
                self._not_empty.wait()
            if not self._items:
                return None
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._not_empty.notify_all()
            self._not_full.notify_all()
