"""Reasonable, not optimal: one Condition for both reasons to wait, and notify_all after every put
and get (every waiter wakes and looks again, whatever it waits for). Must be accepted."""
import collections
import threading


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._items: collections.deque[int] = collections.deque()
        self._changed = threading.Condition()
        self._closed = False

    def put(self, item: int) -> bool:
        with self._changed:
            while len(self._items) == self._capacity and not self._closed:
                self._changed.wait()
            if self._closed:
                return False
            self._items.append(item)
            self._changed.notify_all()
            return True

    def get(self) -> int | None:
        with self._changed:
            while not self._items and not self._closed:
                self._changed.wait()
            if not self._items:
                return None
            item = self._items.popleft()
            self._changed.notify_all()
            return item

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()
