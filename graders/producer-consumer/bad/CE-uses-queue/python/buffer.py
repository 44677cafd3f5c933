"""Wrong for this exercise: queue.Queue is the bounded blocking buffer, made by the library. Refused
before it runs: the point is to build one with threading.Lock and threading.Condition."""
import queue
import threading

_CLOSED = object()


class BoundedBuffer:
    def __init__(self, capacity):
        self._queue = queue.Queue(capacity)
        self._closed = threading.Event()

    def put(self, item):
        while not self._closed.is_set():
            try:
                self._queue.put(item, timeout=0.01)
                return True
            except queue.Full:
                pass
        return False

    def get(self):
        while True:
            try:
                return self._queue.get(timeout=0.01)
            except queue.Empty:
                if self._closed.is_set():
                    return None

    def close(self):
        self._closed.set()
