"""Wrong: put looks for a close before it waits, not after: a put woken by close() goes on to add
its item to the closed (full) buffer instead of failing."""
import collections
import threading


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
            if self._closed:
                return False
            while len(self._items) == self._capacity and not self._closed:
                self._not_full.wait()
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
