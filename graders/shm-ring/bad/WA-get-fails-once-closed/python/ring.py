"""Wrong: get returns None as soon as the ring is closed, like put returns False, losing the
messages still inside; a get must deliver them first and return None only once the ring is closed
and empty."""
import struct
from multiprocessing import Condition, Lock

# head (messages taken out), tail (messages put in), closed; the slots start on the next cache line.
_STATE = struct.Struct("<QQ?")
_SLOTS = 64


class Ring:
    @staticmethod
    def bytes_needed(capacity: int, message_size: int) -> int:
        return _SLOTS + capacity * message_size

    def __init__(self, memory: memoryview, capacity: int, message_size: int) -> None:
        self._memory = memory
        self._capacity = capacity
        self._size = message_size
        _STATE.pack_into(memory, 0, 0, 0, False)
        self._lock = Lock()
        self._not_full = Condition(self._lock)
        self._not_empty = Condition(self._lock)

    def _slot(self, position: int) -> slice:
        start = _SLOTS + position % self._capacity * self._size
        return slice(start, start + self._size)

    def put(self, message: bytes) -> bool:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and tail - head == self._capacity:
                self._not_full.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return False
            self._memory[self._slot(tail)] = message
            _STATE.pack_into(self._memory, 0, head, tail + 1, closed)
            self._not_empty.notify()
            return True

    def get(self) -> bytes | None:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and head == tail:
                self._not_empty.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return None
            message = bytes(self._memory[self._slot(head)])
            _STATE.pack_into(self._memory, 0, head + 1, tail, closed)
            self._not_full.notify()
            return message

    def close(self) -> None:
        with self._lock:
            head, tail, _ = _STATE.unpack_from(self._memory)
            _STATE.pack_into(self._memory, 0, head, tail, True)
            self._not_full.notify_all()
            self._not_empty.notify_all()

    def destroy(self) -> None:
        pass
