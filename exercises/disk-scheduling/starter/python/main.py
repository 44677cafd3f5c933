"""The driver: reads the scenarios, calls your schedule once per scenario, follows the head as you
move it, and prints its path and the figures. Input is read and split in one go, output joined in
one go: tests have a million requests."""
import os
import sys

from disk import schedule

MAX_SCENARIOS = 20
MAX_CYLINDERS = 1_000_000
MAX_REQUESTS = 1_000_000
MAX_REQUESTS_IN_ALL = 2_000_000
ALGORITHMS = {name.encode(): name for name in ("FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK", "C-LOOK")}
DIRECTIONS = {b"up": "up", b"down": "down"}


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


def read_requests(fields: list[bytes], n: int, top: int) -> list[int] | str:
    """The cylinders of n requests on a disk whose last cylinder is top, or why they are malformed."""
    # Checked in bulk (the per-request loop is only for the message): a million requests.
    if len(fields) == n and all(map(bytes.isdigit, fields)) and max(map(len, fields)) <= 15:
        requests = list(map(int, fields))
        if max(requests) <= top:
            return requests
    for i in range(n):
        if number(fields[i] if i < len(fields) else None, 0, top) is None:
            return f"request {i + 1}: the cylinder must be 0 to {top}"
    raise AssertionError("unreachable: the bulk check failed on valid requests")


def average(total: int, n: int) -> str:
    """total / n to two decimals, halves up, in integers like the C and Go drivers."""
    whole, rest = divmod(total, n)
    cents = whole * 100 + (200 * rest + n) // (2 * n)
    return f"{cents // 100}.{cents % 100:02d}"


def schedule_and_report(out: list[str], algorithm: str, cylinders: int, head: int, direction: str,
                        requests: list[int], full: bool) -> None:
    n = len(requests)
    done = bytearray(n + 1)  # per request (1-based): served
    at, total = head, 0  # the head's cylinder, and how far it has travelled
    moved = 0  # the way it last moved: 1 up, -1 down, 0 not yet
    served_here = False  # it served a request where it stands
    wait_sum = wait_max = 0
    # What serve and seek accept, checked in one comparison each; both 0 once schedule has returned,
    # so that a serve or seek kept for later fails.
    last_request, end_of_disk = n, cylinders
    line = out.append

    def fail(why: str) -> None:
        # A wrong schedule ends the run like malformed input: what was printed so far (the earlier
        # scenarios, and this one's path up to the mistake), then the message, status 0. os._exit,
        # like the C and Go drivers' exit: the scheduler cannot catch it and carry on.
        out.append(f"invalid schedule: {why}\n")
        sys.stdout.write("\n".join(out))
        sys.stdout.flush()
        os._exit(0)

    def refuse_serve(k) -> None:
        if type(k) is not int:
            fail(f"serve({k!r}): a request number must be an integer")
        if last_request == 0:
            fail(f"serve({k}) was called outside schedule")
        if not 1 <= k <= n:
            fail(f"there is no request R{k} (the requests are R1 to R{n})")
        fail(f"R{k} is served twice")

    # serve and seek run a million times: each reads the head's state from its closure and moves it
    # in line, without a call to share the move.
    def serve(k: int) -> None:
        nonlocal at, total, moved, served_here, wait_sum, wait_max
        if type(k) is not int or not 0 < k <= last_request or done[k]:
            refuse_serve(k)
        cylinder = requests[k - 1]
        if cylinder > at:
            if moved < 0 and not served_here and full:
                line(f"{at} turn")
            total += cylinder - at
            at, moved = cylinder, 1
        elif cylinder < at:
            if moved > 0 and not served_here and full:
                line(f"{at} turn")
            total += at - cylinder
            at, moved = cylinder, -1
        done[k] = 1
        served_here = True
        wait_sum += total
        wait_max = total  # the total only grows: the latest wait is the longest
        if full:
            line(f"{cylinder} R{k}")

    def seek(cylinder: int) -> None:
        nonlocal at, total, moved, served_here
        if type(cylinder) is not int:
            fail(f"seek({cylinder!r}): a cylinder must be an integer")
        if not 0 <= cylinder < end_of_disk:
            if end_of_disk == 0:
                fail(f"seek({cylinder}) was called outside schedule")
            fail(f"seek({cylinder}) is off the disk: its cylinders are 0 to {cylinders - 1}")
        if cylinder > at:
            if moved < 0 and not served_here and full:
                line(f"{at} turn")
            total += cylinder - at
            at, moved, served_here = cylinder, 1, False
        elif cylinder < at:
            if moved > 0 and not served_here and full:
                line(f"{at} turn")
            total += at - cylinder
            at, moved, served_here = cylinder, -1, False

    # A list of its own for the scheduler: it may sort it.
    schedule(algorithm, cylinders, head, direction, list(requests), serve, seek)
    never = done.find(0, 1)
    if never != -1:
        fail(f"R{never} was never served")
    last_request = end_of_disk = 0
    line(f"TOTAL {total}")
    line(f"WAIT {average(wait_sum, n)} {wait_max}")


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
        if algorithm is None:
            return invalid(f"scenario {k}: the algorithm must be FCFS, SSTF, SCAN, C-SCAN, LOOK or C-LOOK")
        cylinders = number(token(at + 1), 1, MAX_CYLINDERS)
        if cylinders is None:
            return invalid(f"scenario {k}: the number of cylinders must be 1 to 1000000")
        head = number(token(at + 2), 0, cylinders - 1)
        if head is None:
            return invalid(f"scenario {k}: the head must be on a cylinder, 0 to {cylinders - 1}")
        direction = DIRECTIONS.get(token(at + 3))
        if direction is None:
            return invalid(f"scenario {k}: the direction must be up or down")
        n = number(token(at + 4), 1, MAX_REQUESTS)
        if n is None:
            return invalid(f"scenario {k}: the number of requests must be 1 to 1000000")
        in_all += n
        if in_all > MAX_REQUESTS_IN_ALL:
            return invalid(f"scenario {k}: the scenarios have more than 2000000 requests in all")
        report = token(at + 5)
        if report not in (b"full", b"summary"):
            return invalid(f"scenario {k}: the report must be full or summary")
        at += 6
        requests = read_requests(tokens[at:at + n], n, cylinders - 1)
        at += n
        if isinstance(requests, str):
            return invalid(f"scenario {k}, {requests}")
        workloads.append((algorithm, cylinders, head, direction, requests, report == b"full"))
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
