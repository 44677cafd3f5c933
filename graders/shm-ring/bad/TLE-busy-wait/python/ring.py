"""Correct, but waits by spinning: a put on a full ring (a get on an empty one) lets the lock go,
yields with time.sleep(0) and takes the lock again to look at the ring, in a loop, instead of
waiting on a Condition. No wakeup to lose, so it even works across the processes, but a process
waiting on an empty or a full ring keeps using CPU the whole time."""
import struct
import time
from multiprocessing import Lock

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

    def _slot(self, position: int) -> slice:
        start = _SLOTS + position % self._capacity * self._size
        return slice(start, start + self._size)

    def put(self, message: bytes) -> bool:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and tail - head == self._capacity:
                self._lock.release()  # let the consumer in, then look again
                time.sleep(0)
                self._lock.acquire()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return False
            self._memory[self._slot(tail)] = message
            _STATE.pack_into(self._memory, 0, head, tail + 1, closed)
            return True

    def get(self) -> bytes | None:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and head == tail:
                self._lock.release()  # let the producer in, then look again
                time.sleep(0)
                self._lock.acquire()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if head == tail:
                return None
            message = bytes(self._memory[self._slot(head)])
            _STATE.pack_into(self._memory, 0, head + 1, tail, closed)
            return message

    def close(self) -> None:
        with self._lock:
            head, tail, _ = _STATE.unpack_from(self._memory)
            _STATE.pack_into(self._memory, 0, head, tail, True)

    def destroy(self) -> None:
        pass
