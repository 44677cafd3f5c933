"""Your bounded blocking buffer. Use threading.Lock / threading.Condition (or semaphores); queue,
asyncio and multiprocessing are refused (their queues would be the buffer for you), and so are
the modules and built-ins that would reach the harness, which shares this process (the statement
lists them). print() goes to standard error. This starter runs, but loses every item."""


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        """A new empty buffer, not closed, holding at most `capacity` items (capacity >= 1)."""
        self.capacity = capacity

    def put(self, item: int) -> bool:
        """Adds `item` at the back, waiting while the buffer is full. Returns True, or False (item
        not added) if the buffer is closed, including when it is closed while this call waits."""
        return True  # TODO

    def get(self) -> int | None:
        """Takes the item at the front, waiting while the buffer is empty and not closed. Returns None
        once the buffer is closed and empty."""
        return None  # TODO

    def close(self) -> None:
        """Closes the buffer and wakes every waiting thread: puts fail from now on; gets still drain
        what is left, then return None. Closing twice is harmless."""
