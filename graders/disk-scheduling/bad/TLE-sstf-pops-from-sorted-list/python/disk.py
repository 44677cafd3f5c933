"""Keeps the pending requests in one sorted list of (cylinder, number) pairs and, for SSTF, finds
the head's place with bisect and deletes what it serves. Each deletion moves the rest of the list:
O(n) per cylinder served, O(n^2) in all, too slow for 300,000 requests on as many cylinders."""
from bisect import bisect_left


def schedule(algorithm, cylinders, head, direction, requests, serve, seek):
    n = len(requests)
    if algorithm == "FCFS":
        for k in range(1, n + 1):
            serve(k)
        return
    pending = sorted((c, k) for k, c in enumerate(requests, 1))
    if algorithm == "SSTF":
        here, up = head, direction == "up"
        while pending:
            i = bisect_left(pending, (here, 0))
            above = pending[i][0] - here if i < len(pending) else None
            below = here - pending[i - 1][0] if i > 0 else None
            if below is None or (above is not None and (above < below or (above == below and up))):
                cylinder = pending[i][0]
            else:
                cylinder = pending[i - 1][0]
            start = bisect_left(pending, (cylinder, 0))
            end = bisect_left(pending, (cylinder + 1, 0))
            for _, k in pending[start:end]:
                serve(k)
            del pending[start:end]
            if cylinder != here:
                up = cylinder > here
            here = cylinder
        return
    edge = algorithm in ("SCAN", "C-SCAN")
    circular = algorithm in ("C-SCAN", "C-LOOK")

    def groups_down(pairs):
        out, end = [], len(pairs)
        while end > 0:
            start = end - 1
            while start > 0 and pairs[start - 1][0] == pairs[end - 1][0]:
                start -= 1
            out.extend(pairs[start:end])
            end = start
        return out

    if direction == "up":
        split = bisect_left(pending, (head, 0))
        ahead, behind = pending[split:], pending[:split]
        behind = behind if circular else groups_down(behind)
        far, near = cylinders - 1, 0
    else:
        split = bisect_left(pending, (head + 1, 0))
        ahead, behind = groups_down(pending[:split]), pending[split:]
        behind = groups_down(behind) if circular else behind
        far, near = 0, cylinders - 1
    for _, k in ahead:
        serve(k)
    if behind and edge:
        seek(far)
        if circular:
            seek(near)
    for _, k in behind:
        serve(k)
