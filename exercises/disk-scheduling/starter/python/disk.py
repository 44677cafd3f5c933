def schedule(algorithm: str, cylinders: int, head: int, direction: str, requests: list[int], serve, seek) -> None:
    """Schedules one scenario: serves every request exactly once, with serve and seek, in the order
    and along the path the algorithm takes. The driver counts every cylinder the head moves.

    algorithm is "FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK" or "C-LOOK"; the disk's cylinders are
    0 .. cylinders - 1; the head starts on cylinder `head`, moving `direction`: "up" toward
    cylinders - 1 or "down" toward 0; requests[i] is the cylinder of request i + 1, in input order
    (the list is yours to change). serve(k) moves the head to request k's cylinder and serves it;
    seek(cylinder) moves the head without serving anything (SCAN's and C-SCAN's trips to the edges).
    """
    # TODO: the exercise. Every algorithm is FCFS for now: write SSTF, SCAN, C-SCAN, LOOK and C-LOOK
    # as "The rules" in the statement define them, ties and trips to the edges included.
    for k in range(1, len(requests) + 1):
        serve(k)
