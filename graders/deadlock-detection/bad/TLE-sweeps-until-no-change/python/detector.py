"""Known bad: right answers, but detection is the textbook one: sweeps over all the waiting processes
in process order, again and again until a sweep finishes nobody: O(w^2) per detection on chains
that unlock one process per sweep."""

# A queue entry, and a waiting process's ticket: the order it started waiting in, then its number
# (n <= 2000 < 2^11). An entry whose process's ticket is no longer the same (it exited, or was woken
# and waits again) is stale and skipped.
PROCESS_BITS = 11
PROCESS_MASK = (1 << PROCESS_BITS) - 1
# A waiting request as one int that sorts by type, then amount (below 2^30), then process.
TYPE_SHIFT = 30 + PROCESS_BITS


class Detector:
    __slots__ = ("m", "total", "free", "held", "ticket", "amount", "queues", "waiting", "tickets")

    def __init__(self, n: int, m: int, total: list[int]):
        self.m = m
        self.total = total
        self.free = total[:]
        self.held = [{} for _ in range(n)]  # held[p]: {type: count} for the types p holds
        self.ticket = [-1] * n  # while p waits: its entry in its type's queue
        self.amount = [0] * n  # while p waits: how many it waits for
        self.queues = [[] for _ in range(m)]  # per type: entries, oldest first, some stale
        self.waiting = {}  # waiting p: its request as a sortable int
        self.tickets = 0

    def request(self, p: int, r: int, k: int) -> bool:
        free = self.free
        if k <= free[r]:
            free[r] -= k
            held = self.held[p]
            held[r] = held.get(r, 0) + k
            return True
        self.tickets += 1
        entry = self.tickets << PROCESS_BITS | p
        self.ticket[p] = entry
        self.amount[p] = k
        self.queues[r].append(entry)
        self.waiting[p] = r << TYPE_SHIFT | k << PROCESS_BITS | p
        return False

    def release(self, p: int, r: int, k: int) -> list[int]:
        held = self.held[p]
        left = held[r] - k
        if left:
            held[r] = left
        else:
            del held[r]
        self.free[r] += k
        woken = []
        if self.queues[r]:
            self._wake(r, woken)
        return woken

    def exit(self, p: int) -> list[int]:
        if self.ticket[p] >= 0:
            self.ticket[p] = -1  # its queue entry is now stale
            del self.waiting[p]
        held = self.held[p]
        woken = []
        if held:
            self.held[p] = {}
            free, queues = self.free, self.queues
            for r, count in held.items():
                free[r] += count
            for r in held:
                if queues[r]:
                    self._wake(r, woken)
        return woken

    def _wake(self, r: int, woken: list[int]) -> None:
        """Grants, oldest first, the requests in r's queue that fit in what is free, appending the
        woken processes to woken. Stops once nothing is free."""
        queue = self.queues[r]
        ticket, amount, held, waiting = self.ticket, self.amount, self.held, self.waiting
        available = self.free[r]
        kept = []
        for i, entry in enumerate(queue):
            p = entry & PROCESS_MASK
            if ticket[p] != entry:
                continue
            k = amount[p]
            if k > available:
                kept.append(entry)
                continue
            available -= k
            ticket[p] = -1
            del waiting[p]
            h = held[p]
            h[r] = h.get(r, 0) + k
            woken.append(p)
            if not available:
                kept += queue[i + 1:]
                break
        self.free[r] = available
        self.queues[r] = kept

    def detect(self) -> list[int]:
        waiting = self.waiting
        if not waiting:
            return []
        held, amount = self.held, self.amount
        work = self.total[:]
        for p in waiting:
            for t, count in held[p].items():
                work[t] -= count
        processes = sorted(waiting)
        finished = [False] * len(processes)
        # Sweep over the waiting processes, finishing each whose request fits, until a sweep finishes nobody.
        progress = True
        while progress:
            progress = False
            for i, p in enumerate(processes):
                if finished[i] or amount[p] > work[waiting[p] >> TYPE_SHIFT]:
                    continue
                finished[i] = True
                progress = True
                for t, count in held[p].items():
                    work[t] += count
        return [p for i, p in enumerate(processes) if not finished[i]]
