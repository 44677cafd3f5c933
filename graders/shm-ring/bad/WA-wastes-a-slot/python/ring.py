"""Wrong: the textbook ring that keeps one slot empty to tell full from empty (head == tail is
empty, tail + 1 == head is full, both wrapped at the capacity), but with only `capacity` slots: it
holds capacity - 1 messages, so put waits one message early (and a ring of capacity 1 takes nothing
at all). The statement says so: a ring that keeps a slot free must allocate one more."""
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
            while not closed and (tail + 1) % self._capacity == head:
                self._not_full.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return False
            self._memory[self._slot(tail)] = message
            _STATE.pack_into(self._memory, 0, head, (tail + 1) % self._capacity, closed)
            self._not_empty.notify()
            return True

    def get(self) -> bytes | None:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and head == tail:
                self._not_empty.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if head == tail:
                return None
            message = bytes(self._memory[self._slot(head)])
            _STATE.pack_into(self._memory, 0, (head + 1) % self._capacity, tail, closed)
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
