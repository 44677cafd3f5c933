"""The driver: reads the scenarios, calls your schedule once per scenario, checks the runs it
reports, and prints the timeline and the figures. Input is read and split in one go, output joined
in one go: tests have a million processes."""
import os
import sys
from collections import namedtuple

from scheduler import schedule

Process = namedtuple("Process", "pid arrival burst priority")

MAX_SCENARIOS = 20
MAX_PROCESSES = 100_000
MAX_PROCESSES_IN_ALL = 1_000_000
MAX_PARAMETER = 1_000_000
MAX_QUANTA = 1_000_000
ALGORITHMS = {b"FCFS": "FCFS", b"SJF": "SJF", b"SRTF": "SRTF", b"RR": "RR", b"PRIORITY": "PRIORITY"}
# The fields of a process line, in order, with their bounds.
FIELDS = (("arrival", 0, 1_000_000_000), ("burst", 1, 1_000_000), ("priority", 0, 1_000))


def invalid(why: str) -> None:
    # Malformed input ends the run with a message on standard output and status 0, so that running
    # your own input shows the message next to the reference's identical one.
    print(f"invalid input: {why}")


def number(token: bytes | None, lowest: int, highest: int) -> int | None:
    """The token as an integer in lowest..highest, or None."""
    if token is None or not token.isdigit() or len(token) > 15:
        return None
    value = int(token)
    return value if lowest <= value <= highest else None


def read_columns(fields: list[bytes], n: int) -> tuple[list[int], list[int], list[int]] | str:
    """The arrivals, bursts and priorities of n processes, or why they are malformed."""
    # Checked in bulk (the per-process loop is only for the message): a million processes.
    if len(fields) == 3 * n and all(map(bytes.isdigit, fields)) and max(map(len, fields)) <= 15:
        columns = tuple(list(map(int, fields[f::3])) for f in range(3))
        if all(lowest <= min(column) and max(column) <= highest for column, (_, lowest, highest) in zip(columns, FIELDS)):
            return columns
    for i in range(n):
        for f, (field, lowest, highest) in enumerate(FIELDS):
            if number(fields[3 * i + f] if 3 * i + f < len(fields) else None, lowest, highest) is None:
                return f"process {i + 1}: {field} must be {lowest} to {highest}"
    raise AssertionError("unreachable: the bulk check failed on valid fields")


def average(total: int, n: int) -> str:
    """total / n to two decimals, halves up, in integers like the C and Go drivers."""
    whole, rest = divmod(total, n)
    cents = whole * 100 + (200 * rest + n) // (2 * n)
    return f"{cents // 100}.{cents % 100:02d}"


def schedule_and_report(out: list[str], algorithm: str, parameter: int, arrivals: list[int], bursts: list[int],
                        priorities: list[int], full: bool) -> None:
    n = len(arrivals)
    # Per pid: units run so far, first start, the end of the last run.
    ran, first, finish = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    timeline: list[list[int]] = []  # [pid, start, end]: runs of one process that touch, joined
    previous_end = None

    def fail(why: str) -> None:
        # A wrong schedule ends the run like malformed input: what the earlier scenarios printed, then
        # the message, status 0. os._exit, like the C and Go drivers' exit: the scheduler cannot
        # catch it and carry on.
        out.append(f"invalid schedule: {why}\n")
        sys.stdout.write("\n".join(out))
        sys.stdout.flush()
        os._exit(0)

    def run(pid: int, start: int, end: int) -> None:
        nonlocal previous_end
        if type(pid) is not int or not 1 <= pid <= n:
            fail(f"there is no process P{pid}")
        if type(start) is not int or type(end) is not int:
            fail(f"a run of P{pid} from {start!r} to {end!r}: times must be integers")
        if start >= end:
            fail(f"a run of P{pid} from {start} to {end} is empty")
        if previous_end is not None and start < previous_end:
            fail(f"P{pid} runs from {start}, before the previous run ends at {previous_end}")
        if start < arrivals[pid - 1]:
            fail(f"P{pid} runs from {start}, before it arrives at {arrivals[pid - 1]}")
        total = ran[pid] + end - start
        if total > bursts[pid - 1]:
            fail(f"P{pid} runs {total} units, more than its burst of {bursts[pid - 1]}")
        if ran[pid] == 0:
            first[pid] = start
        ran[pid] = total
        if total == bursts[pid - 1]:
            finish[pid] = end
        previous_end = end
        if full:
            if timeline and timeline[-1][0] == pid and timeline[-1][2] == start:
                timeline[-1][2] = end
            else:
                timeline.append([pid, start, end])

    # A list of its own for the scheduler: it may sort it.
    schedule(algorithm, parameter, list(map(Process, range(1, n + 1), arrivals, bursts, priorities)), run)
    for pid in range(1, n + 1):
        if ran[pid] != bursts[pid - 1]:
            fail(f"P{pid} ran {ran[pid]} of its {bursts[pid - 1]} units")

    line = out.append
    if full:
        now = 0
        for pid, start, end in timeline:
            if start > now:
                line(f"{now} {start} idle")
            line(f"{start} {end} P{pid}")
            now = end
    waiting = turnaround = response = 0
    for pid, arrival, burst in zip(range(1, n + 1), arrivals, bursts):
        t = finish[pid] - arrival
        w, r = t - burst, first[pid] - arrival
        waiting += w
        turnaround += t
        response += r
        if full:
            line(f"P{pid} {w} {t} {r}")
    line(f"TOTAL {waiting} {turnaround} {response}")
    line(f"AVG {average(waiting, n)} {average(turnaround, n)} {average(response, n)}")


def main() -> None:
    tokens = sys.stdin.buffer.read().split()
    count = number(tokens[0] if tokens else None, 1, MAX_SCENARIOS)
    if count is None:
        return invalid("the first line must be the number of scenarios (1 to 20)")

    def token(at: int) -> bytes | None:
        return tokens[at] if at < len(tokens) else None

    # Everything is read and checked before anything is scheduled: bad input prints nothing else.
    at, in_all, workloads = 1, 0, []
    for k in range(1, count + 1):
        algorithm = ALGORITHMS.get(token(at))
        at += 1
        if algorithm is None:
            return invalid(f"scenario {k}: the algorithm must be FCFS, SJF, SRTF, RR <quantum> or PRIORITY <aging>")
        parameter = 0
        if algorithm in ("RR", "PRIORITY"):
            parameter = number(token(at), 1, MAX_PARAMETER)
            at += 1
            if parameter is None:
                return invalid(f"scenario {k}: the {'quantum' if algorithm == 'RR' else 'aging'} must be 1 to 1000000")
        n = number(token(at), 1, MAX_PROCESSES)
        at += 1
        if n is None:
            return invalid(f"scenario {k}: the number of processes must be 1 to 100000")
        in_all += n
        if in_all > MAX_PROCESSES_IN_ALL:
            return invalid(f"scenario {k}: the scenarios have more than 1000000 processes in all")
        report = token(at)
        at += 1
        if report not in (b"full", b"summary"):
            return invalid(f"scenario {k}: the report must be full or summary")
        columns = read_columns(tokens[at:at + 3 * n], n)
        at += 3 * n
        if isinstance(columns, str):
            return invalid(f"scenario {k}, {columns}")
        if algorithm == "RR" and sum((burst + parameter - 1) // parameter for burst in columns[1]) > MAX_QUANTA:
            return invalid(f"scenario {k}: the sum of ceil(burst / quantum) over the processes must be at most 1000000")
        workloads.append((algorithm, parameter, *columns, report == b"full"))
    if at < len(tokens):
        return invalid(f"there is more input after the last scenario (the first line says {count})")
    del tokens

    out: list[str] = []
    for workload in workloads:
        schedule_and_report(out, *workload)
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
