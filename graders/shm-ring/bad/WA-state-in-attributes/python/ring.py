"""Wrong: the slots are in the shared memory and the Lock and Conditions are multiprocessing's, but
head, tail and the closed flag are attributes of the Ring, as in a threaded program. After the fork
each process has its own copy of the object: the producer moves its own tail, the consumer never
sees it and waits on an empty ring for ever, and the producer fills the ring and waits too."""
from multiprocessing import Condition, Lock


class Ring:
    @staticmethod
    def bytes_needed(capacity: int, message_size: int) -> int:
        return capacity * message_size

    def __init__(self, memory: memoryview, capacity: int, message_size: int) -> None:
        self._memory = memory
        self._capacity = capacity
        self._size = message_size
        self._head = 0  # messages taken out
        self._tail = 0  # messages put in
        self._closed = False
        self._lock = Lock()
        self._not_full = Condition(self._lock)
        self._not_empty = Condition(self._lock)

    def _slot(self, position: int) -> slice:
        start = position % self._capacity * self._size
        return slice(start, start + self._size)

    def put(self, message: bytes) -> bool:
        with self._lock:
            while not self._closed and self._tail - self._head == self._capacity:
                self._not_full.wait()
            if self._closed:
                return False
            self._memory[self._slot(self._tail)] = message
            self._tail += 1
            self._not_empty.notify()
            return True

    def get(self) -> bytes | None:
        with self._lock:
            while not self._closed and self._head == self._tail:
                self._not_empty.wait()
            if self._head == self._tail:
                return None
            message = bytes(self._memory[self._slot(self._head)])
            self._head += 1
            self._not_full.notify()
            return message

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._not_full.notify_all()
            self._not_empty.notify_all()

    def destroy(self) -> None:
        pass
