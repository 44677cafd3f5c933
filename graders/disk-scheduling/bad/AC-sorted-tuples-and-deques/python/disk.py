"""A plain approach: the requests as sorted (cylinder, number) tuples, grouped by cylinder into
two deques around the head (the nearest group at each front). SSTF pops from whichever front is
nearer; the sweeps drain one deque and then the other. O(n log n), slower than the reference
(tuples, groups, deques); expected to pass."""
from collections import deque
from itertools import groupby


def schedule(algorithm, cylinders, head, direction, requests, serve, seek):
    if algorithm == "FCFS":
        for k in range(1, len(requests) + 1):
            serve(k)
        return
    pairs = sorted(zip(requests, range(1, len(requests) + 1)))
    groups = [(cylinder, [k for _, k in group]) for cylinder, group in groupby(pairs, key=lambda pair: pair[0])]
    up = direction == "up"
    # The head's own cylinder belongs to the side it is moving toward (for SSTF it is nearest anyway).
    if up or algorithm == "SSTF":
        below = deque(reversed([g for g in groups if g[0] < head]))
        above = deque(g for g in groups if g[0] >= head)
    else:
        below = deque(reversed([g for g in groups if g[0] <= head]))
        above = deque(g for g in groups if g[0] > head)

    def drain(side):
        while side:
            for k in side.popleft()[1]:
                serve(k)

    if algorithm == "SSTF":
        here = head
        while below or above:
            take_above = not below or (above and (above[0][0] - here < here - below[0][0] or (above[0][0] - here == here - below[0][0] and up)))
            cylinder, numbers = (above if take_above else below).popleft()
            for k in numbers:
                serve(k)
            if cylinder != here:
                up = cylinder > here
            here = cylinder
        return
    edge = algorithm in ("SCAN", "C-SCAN")
    circular = algorithm in ("C-SCAN", "C-LOOK")
    ahead, behind = (above, below) if up else (below, above)
    drain(ahead)
    if behind and edge:
        seek(cylinders - 1 if up else 0)
        if circular:
            seek(0 if up else cylinders - 1)
    if circular:
        behind.reverse()  # from the far end toward the head
    drain(behind)
