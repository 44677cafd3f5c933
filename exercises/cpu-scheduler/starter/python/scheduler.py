def schedule(algorithm: str, parameter: int, processes: list, run) -> None:
    """Schedules one scenario, reporting its runs in time order with run(pid, start, end).

    algorithm is "FCFS", "SJF", "SRTF", "RR" or "PRIORITY"; parameter is the quantum (RR) or the
    aging (PRIORITY), 0 otherwise; processes are named tuples (pid, arrival, burst, priority) in
    input order, the list yours to sort. A stretch may be split into several runs (the driver joins
    them); idle time is never reported.
    """
    # TODO: the exercise. Every algorithm is FCFS for now: write SJF, SRTF, RR and PRIORITY as
    # "The rules" in the statement define them, decision points and ties included.
    now = 0
    for p in sorted(processes, key=lambda p: (p.arrival, p.pid)):
        now = max(now, p.arrival)  # nobody is ready: the CPU idles until p arrives
        run(p.pid, now, now + p.burst)
        now += p.burst
