"""Reference: per process a dict of what it holds; per type a FIFO queue of waiting requests, so that
a release or an exit looks only at the queues of the types given back. Detection costs a sort plus
what the waiting processes hold: work starts as total minus their holdings; their requests, sorted
by type and then amount, are walked per type with a pointer (bisect finds how far work now reaches),
and a worklist holds the types whose work grew."""
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import and_, lt

# A queue entry, and a waiting process's ticket: the order it started waiting in, then its number
# (n <= 2000 < 2^11). An entry whose process's ticket is no longer the same (it exited, or was woken
# and waits again) is stale and skipped.
PROCESS_BITS = 11
PROCESS_MASK = (1 << PROCESS_BITS) - 1
# A waiting request as one int that sorts by type, then amount (below 2^30), then process.
TYPE_SHIFT = 30 + PROCESS_BITS


class Detector:
    __slots__ = ("m", "total", "free", "held", "ticket", "amount", "queues", "waiting", "tickets", "type_starts")

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
        self.type_starts = [r << TYPE_SHIFT for r in range(m + 1)]

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
        requests = sorted(waiting.values())
        held = self.held
        work = self.total[:]
        for p in waiting:
            for t, count in held[p].items():
                work[t] -= count
        m = self.m
        starts = list(map(bisect_left, repeat(requests, m + 1), self.type_starts))
        ends = starts[1:]
        # next_[r]: r's first request not yet granted; the ones before it fit in work[r].
        next_ = starts[:m]
        to_check = list(map(lt, next_, ends))
        pending = list(compress(range(m), to_check))
        finished = 0
        while pending:
            r = pending.pop()
            to_check[r] = False
            i = next_[r]
            j = bisect_right(requests, r << TYPE_SHIFT | work[r] << PROCESS_BITS | PROCESS_MASK, i, ends[r])
            if j == i:
                continue
            next_[r] = j
            finished += j - i
            for request in requests[i:j]:
                for t, count in held[request & PROCESS_MASK].items():
                    work[t] += count
                    if not to_check[t] and next_[t] < ends[t]:
                        to_check[t] = True
                        pending.append(t)
        if finished == 0:
            return list(map(and_, requests, repeat(PROCESS_MASK)))
        deadlocked = []
        for r in compress(range(m), map(lt, next_, ends)):
            deadlocked += map(and_, requests[next_[r]:ends[r]], repeat(PROCESS_MASK))
        return deadlocked
