"""Your ring: a bounded FIFO of fixed-size messages in memory shared by two processes. The harness
builds the Ring in its parent process, then forks a producer process that calls put and a consumer
process that calls get; either may call close. After the fork each process has its own copy of the
object and its attributes, so what both must see (head, tail, closed) lives in `memory` (struct
packs numbers into it), and what they wait on is multiprocessing's Lock, Condition or Semaphore,
made in __init__: the fork shares those. multiprocessing's queues, pipes, managers and shared
values, and queue, are refused (they would be the ring for you), and so are the modules and
built-ins that would reach the harness, which shares these processes (the statement lists them).
print() goes to standard error. This starter runs, but loses every message."""
import struct  # noqa: F401 (pack_into and unpack_from put numbers in memory)
from multiprocessing import Condition, Lock  # noqa: F401 (shared across the fork when made in __init__)


class Ring:
    @staticmethod
    def bytes_needed(capacity: int, message_size: int) -> int:
        """How many bytes of shared memory a ring of `capacity` messages of `message_size` bytes
        needs, your header included (capacity 1–4096, message_size 8–4096)."""
        return capacity * message_size

    def __init__(self, memory: memoryview, capacity: int, message_size: int) -> None:
        """Sets up an empty ring, not closed, in `memory`: bytes_needed(capacity, message_size) bytes,
        zeroed, shared between processes. Called once, in the parent, before the fork; raise if you
        cannot (the harness then stops)."""
        self.memory = memory
        self.capacity = capacity
        self.message_size = message_size

    def put(self, message: bytes) -> bool:
        """Copies one message (message_size bytes) in at the back, waiting while the ring is full.
        Returns True, or False (nothing added) if the ring is closed, also when it is closed while
        this call waits."""
        return True  # TODO

    def get(self) -> bytes | None:
        """Returns a copy of the message at the front (message_size bytes, as bytes or bytearray),
        waiting while the ring is empty and not closed. Returns None once the ring is closed and empty."""
        return None  # TODO

    def close(self) -> None:
        """Closes the ring and wakes whoever waits, in either process: puts fail from now on; gets
        still drain what is inside, then fail. Either process may close; closing twice is harmless."""

    def destroy(self) -> None:
        """Releases what __init__ set up, if anything needs it. Called once, in the parent, after
        both processes have exited; the memory is the harness's to release."""
