class Detector:
    """A system of n processes (0 .. n-1) and m resource types (0 .. m-1), with total[r] instances
    of type r. At the start nobody holds anything and nobody waits. The driver only calls the
    methods with events that keep to the rules of the input: a waiting process only exits, a
    request never takes a process past the total, a release never gives back more than it holds."""

    def __init__(self, n: int, m: int, total: list[int]):
        # TODO: the state of the system. Per process: what it holds, and whether it waits and for
        # what. Per resource type: what is free, and the queue of waiting requests, oldest first.
        self.n = n
        self.m = m
        self.total = total

    def request(self, p: int, r: int, k: int) -> bool:
        """Process p asks for k more instances of type r. True if they are granted at once (at least
        k are free, whoever else waits), False if p now waits."""
        # TODO: grant at once if k are free; otherwise p waits and its request joins the queue. For
        # now every request is granted.
        return True

    def release(self, p: int, r: int, k: int) -> list[int]:
        """Process p gives back k of the instances of type r it holds. Returns the processes this
        wakes (waiting requests for type r granted, oldest first, each if it fits in what is free at
        that moment), in any order."""
        # TODO: give the instances back, then reconsider type r's queue. For now nobody is woken.
        return []

    def exit(self, p: int) -> list[int]:
        """Process p gives back everything it holds; if it was waiting, its request leaves the queue.
        Returns the processes this wakes, in any order. A later request from p is a new process that
        holds nothing."""
        # TODO: take p's request out of its queue if it waits, give back everything it holds, and
        # reconsider the queues of the types given back. For now nobody is woken.
        return []

    def detect(self) -> list[int]:
        """The deadlocked processes, in any order (empty: none)."""
        # TODO: work = total minus what the waiting processes hold; finish every waiting process
        # whose request fits in work (work grows by what it holds), until none fits. The ones left
        # are deadlocked. For now nobody is.
        return []
