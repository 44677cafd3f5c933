"""The reference: every algorithm but FCFS walks the requests sorted by (cylinder, number) once,
outward from where the head starts; SSTF with one index each way. O(n log n) for the sort, O(n)
after it."""
from bisect import bisect_left


def schedule(algorithm: str, cylinders: int, head: int, direction: str, requests: list[int], serve, seek) -> None:
    n = len(requests)
    if algorithm == "FCFS":
        for k in range(1, n + 1):
            serve(k)
        return
    # The request numbers by (cylinder, number): the sort is stable. at[j] is numbers[j]'s cylinder.
    order = sorted(range(n), key=requests.__getitem__)
    at = list(map(requests.__getitem__, order))
    numbers = [i + 1 for i in order]

    if algorithm == "SSTF":
        shortest_seek_first(at, numbers, head, direction == "up", serve)
        return
    circular = algorithm in ("C-SCAN", "C-LOOK")
    to_edge = algorithm in ("SCAN", "C-SCAN")
    top = cylinders - 1
    if direction == "up":
        split = bisect_left(at, head)  # ahead: [split, n), from the head's cylinder up
        serve_up(numbers, split, n, serve)
        if split > 0 and to_edge:
            seek(top)
            if circular:
                seek(0)
        if circular:
            serve_up(numbers, 0, split, serve)
        else:
            serve_down(at, numbers, 0, split, serve)
    else:
        split = bisect_left(at, head + 1)  # ahead: [0, split), from the head's cylinder down
        serve_down(at, numbers, 0, split, serve)
        if split < n and to_edge:
            seek(0)
            if circular:
                seek(top)
        if circular:
            serve_down(at, numbers, split, n, serve)
        else:
            serve_up(numbers, split, n, serve)


def serve_up(numbers: list[int], lo: int, hi: int, serve) -> None:
    """Serves positions [lo, hi) going up."""
    for k in numbers[lo:hi]:
        serve(k)


def serve_down(at: list[int], numbers: list[int], lo: int, hi: int, serve) -> None:
    """Serves positions [lo, hi) going down: cylinder by cylinder from the top, each one's requests
    in input order."""
    end = hi
    while end > lo:
        start = end - 1
        cylinder = at[start]
        while start > lo and at[start - 1] == cylinder:
            start -= 1
        for k in numbers[start:end]:
            serve(k)
        end = start


def shortest_seek_first(at: list[int], numbers: list[int], head: int, up: bool, serve) -> None:
    n = len(at)
    right = bisect_left(at, head)  # [left, right) is what has been served
    left = right
    here = head
    # Both sides pending: the nearer wins, a tie the way the head last moved.
    while left > 0 and right < n:
        below, above = here - at[left - 1], at[right] - here
        if above < below or (above == below and up):
            cylinder = at[right]
            while right < n and at[right] == cylinder:
                serve(numbers[right])
                right += 1
            up = up or cylinder > here
        else:
            cylinder = at[left - 1]
            start = left - 1
            while start > 0 and at[start - 1] == cylinder:
                start -= 1
            for k in numbers[start:left]:
                serve(k)
            left = start
            up = False
        here = cylinder
    # One side left: a sweep to its end.
    if right < n:
        serve_up(numbers, right, n, serve)
    else:
        serve_down(at, numbers, 0, left, serve)
