"""The five algorithms in O((n + decisions) log n): the processes sorted by arrival once and walked
with an index, so the next arrival is always order[next_]; the ready ones in a heap of tuples
(key, ready since, pid), ordered by the key and then the tie-breaks (Round Robin: a deque)."""
from collections import deque
from heapq import heappop, heappush, heapreplace
from operator import attrgetter


def schedule(algorithm: str, parameter: int, processes: list, run) -> None:
    order = sorted(processes, key=attrgetter("arrival", "pid"))
    if algorithm == "FCFS":
        now = 0
        for p in order:
            now = max(now, p.arrival)
            run(p.pid, now, now + p.burst)
            now += p.burst
    elif algorithm == "RR":
        round_robin(parameter, order, run)
    else:
        from_heap(algorithm, parameter, processes, order, run)


def from_heap(algorithm: str, aging: int, processes: list, order: list, run) -> None:
    """SJF, SRTF and PRIORITY. Decision points are the arrivals and the finishes; the preemptive ones
    can only preempt at an arrival, the one moment the best waiting process can change for the
    better."""
    # The key of p, with `left` units left, as a process that became ready at `since`. The running
    # process competes with the key it would wait with from now on: its remaining time (SRTF), or its
    # own priority (PRIORITY: priority - (t - since) / aging is ordered as priority * aging + since,
    # a key that does not change while the process waits, and exact in integers).
    if algorithm == "SJF":
        def key(p, left, since): return p.burst
    elif algorithm == "SRTF":
        def key(p, left, since): return left
    else:
        def key(p, left, since): return p.priority * aging + since
    preemptive = algorithm != "SJF"
    remaining = [0] * (len(processes) + 1)  # by pid: what a waiting process has left
    for p in processes:
        remaining[p.pid] = p.burst
    ready: list[tuple[int, int, int]] = []
    n, next_ = len(order), 0
    running = None
    now = left = started = 0  # left: the running process's remaining time; started: its run's start
    while True:
        # Every arrival of this moment has arrived before the CPU is (re)assigned.
        while next_ < n and order[next_].arrival <= now:
            p = order[next_]
            next_ += 1
            heappush(ready, (key(p, p.burst, now), now, p.pid))
        if running is None:
            if not ready:
                if next_ == n:
                    break
                now = order[next_].arrival  # idle until then
                continue
            running = processes[heappop(ready)[2] - 1]
            left, started = remaining[running.pid], now
        elif preemptive and ready and ready[0][0] < key(running, left, now):
            # Strictly better, or the running process keeps the CPU; the preempted one is ready from now.
            run(running.pid, started, now)
            remaining[running.pid] = left
            running = processes[heapreplace(ready, (key(running, left, now), now, running.pid))[2] - 1]
            left, started = remaining[running.pid], now
        next_arrival = order[next_].arrival if next_ < n else None
        if next_arrival is None or now + left <= next_arrival:
            # It finishes first, or as the next process arrives: they both reach the next choice.
            now += left
            run(running.pid, started, now)
            running = None
        else:
            left -= next_arrival - now
            now = next_arrival


def round_robin(quantum: int, order: list, run) -> None:
    n, next_ = len(order), 0
    remaining = [0] * (n + 1)  # by pid
    for p in order:
        remaining[p.pid] = p.burst
    queue: deque[int] = deque()  # pids
    now = 0
    while next_ < n or queue:
        if not queue and now < order[next_].arrival:
            now = order[next_].arrival  # idle until then
        while next_ < n and order[next_].arrival <= now:
            queue.append(order[next_].pid)
            next_ += 1
        pid = queue.popleft()
        started = now
        while True:
            step = min(remaining[pid], quantum)
            now += step
            remaining[pid] -= step
            # Arrivals up to and including the quantum's end join the queue before pid goes back.
            while next_ < n and order[next_].arrival <= now:
                queue.append(order[next_].pid)
                next_ += 1
            if remaining[pid] == 0:
                break
            if queue:
                queue.append(pid)
                break
            # Nobody waits: it runs on for another quantum, on the same line of the timeline.
        run(pid, started, now)
