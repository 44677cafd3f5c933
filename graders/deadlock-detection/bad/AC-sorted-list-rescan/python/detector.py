"""Expected AC: written plainly from the statement: holdings as a list of lists (a row of m counts per
process), a FIFO list of waiting processes per type; each DETECT computes work as total minus what
the waiting processes hold, groups their requests by type and sorts each group with sorted(), and
advances a pointer per type from a worklist of types. Slower than the reference by a constant factor,
which the performance check must allow."""


class Detector:
    def __init__(self, n: int, m: int, total: list[int]):
        self.n = n
        self.m = m
        self.total = total[:]
        self.free = total[:]
        self.held = [[0] * m for _ in range(n)]
        self.wait_type = [-1] * n  # -1: not waiting
        self.wait_amount = [0] * n
        self.queues = [[] for _ in range(m)]  # per type: the waiting processes, oldest first
        self.waiting = set()

    def request(self, p: int, r: int, k: int) -> bool:
        if k <= self.free[r]:
            self.free[r] -= k
            self.held[p][r] += k
            return True
        self.wait_type[p] = r
        self.wait_amount[p] = k
        self.queues[r].append(p)
        self.waiting.add(p)
        return False

    def _wake(self, r: int, woken: list[int]) -> None:
        """Grants the waiting requests for type r that fit, oldest first."""
        queue = self.queues[r]
        still_waiting = []
        for i, p in enumerate(queue):
            if self.free[r] == 0:
                still_waiting.extend(queue[i:])
                break
            k = self.wait_amount[p]
            if k <= self.free[r]:
                self.free[r] -= k
                self.held[p][r] += k
                self.wait_type[p] = -1
                self.wait_amount[p] = 0
                self.waiting.discard(p)
                woken.append(p)
            else:
                still_waiting.append(p)
        self.queues[r] = still_waiting

    def release(self, p: int, r: int, k: int) -> list[int]:
        self.held[p][r] -= k
        self.free[r] += k
        woken = []
        self._wake(r, woken)
        return woken

    def exit(self, p: int) -> list[int]:
        if self.wait_type[p] >= 0:
            self.queues[self.wait_type[p]].remove(p)
            self.wait_type[p] = -1
            self.wait_amount[p] = 0
            self.waiting.discard(p)
        row = self.held[p]
        given_back = []
        for r in range(self.m):
            if row[r] > 0:
                self.free[r] += row[r]
                row[r] = 0
                given_back.append(r)
        woken = []
        for r in given_back:
            self._wake(r, woken)
        return woken

    def detect(self) -> list[int]:
        if not self.waiting:
            return []
        m = self.m
        # work: total minus what the waiting processes hold.
        work = self.total[:]
        for p in self.waiting:
            row = self.held[p]
            for r in range(m):
                work[r] -= row[r]
        # The waiting requests by type, each sorted by amount.
        by_type = [[] for _ in range(m)]
        for p in self.waiting:
            by_type[self.wait_type[p]].append((self.wait_amount[p], p))
        by_type = [sorted(requests) for requests in by_type]
        position = [0] * m  # per type: the first request not finished yet
        worklist = [r for r in range(m) if by_type[r]]
        in_worklist = [len(requests) > 0 for requests in by_type]
        while worklist:
            r = worklist.pop()
            in_worklist[r] = False
            requests = by_type[r]
            while position[r] < len(requests) and requests[position[r]][0] <= work[r]:
                p = requests[position[r]][1]
                position[r] += 1
                row = self.held[p]
                for t in range(m):
                    if row[t] > 0:
                        work[t] += row[t]
                        if not in_worklist[t] and position[t] < len(by_type[t]):
                            in_worklist[t] = True
                            worklist.append(t)
        deadlocked = []
        for r in range(m):
            for amount, p in by_type[r][position[r]:]:
                deadlocked.append(p)
        return deadlocked
