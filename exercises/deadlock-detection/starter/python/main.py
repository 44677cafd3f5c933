"""The driver: reads the system and the events, calls your Detector (detector.py) once per event,
checks its answers against what the driver can see, and prints a line per event. Input is read and
split in one go, output joined in one go: tests have 200,000 events."""
import os
import sys
from itertools import compress

from detector import Detector

MAX_PROCESSES = 2000
MAX_TYPES = 100
MAX_AMOUNT = 1_000_000_000
MAX_EVENTS = 200_000
REQUEST, RELEASE, EXIT, DETECT = range(4)
KEYWORDS = {b"REQUEST": REQUEST, b"RELEASE": RELEASE, b"EXIT": EXIT, b"DETECT": DETECT}


def number(token: bytes | None, lowest: int, highest: int) -> int | None:
    """The token as an integer in lowest..highest, or None."""
    if token is None or not token.isdigit() or len(token) > 15:
        return None
    value = int(token)
    return value if lowest <= value <= highest else None


def read_events(tokens: list[bytes], at: int, q: int, n: int, m: int) -> list[tuple[int, int, int, int]] | str:
    """The q events from tokens[at:], as (kind, process, type, amount), or why they are malformed."""
    end = len(tokens)
    tokens += (b"", b"", b"")  # an event cut short reads empty tokens, which are not numbers
    events = []
    add = events.append
    detect = (DETECT, 0, 0, 0)
    for i in range(1, q + 1):
        if at >= end:
            return f"there are fewer events than the third line says ({q})"
        kind = KEYWORDS.get(tokens[at])
        if kind is None:
            return f"event {i} must be REQUEST p r k, RELEASE p r k, EXIT p or DETECT"
        if kind == DETECT:
            add(detect)
            at += 1
            continue
        token = tokens[at + 1]
        p = int(token) if token.isdigit() and len(token) <= 15 else n
        if p >= n:
            return f"event {i}: the process must be 0 to {n - 1}"
        if kind == EXIT:
            add((EXIT, p, 0, 0))
            at += 2
            continue
        token = tokens[at + 2]
        r = int(token) if token.isdigit() and len(token) <= 15 else m
        if r >= m:
            return f"event {i}: the resource type must be 0 to {m - 1}"
        token = tokens[at + 3]
        k = int(token) if token.isdigit() and len(token) <= 15 else 0
        if not 1 <= k <= MAX_AMOUNT:
            return f"event {i}: the amount must be 1 to 1000000000"
        add((kind, p, r, k))
        at += 4
    if at < end:
        return f"there are more events than the third line says ({q})"
    return events


def main() -> None:
    tokens = sys.stdin.buffer.read().split()
    out: list[str] = []

    def stop(message: str) -> None:
        # Malformed input and wrong answers end the run with a message on standard output and status
        # 0, after what the earlier events printed, so that running your own input shows the message
        # next to the reference's identical one. os._exit, like the C and Go drivers' exit: the
        # detector cannot catch it and carry on.
        out.append(message + "\n")
        sys.stdout.write("\n".join(out))
        sys.stdout.flush()
        os._exit(0)

    n = number(tokens[0] if len(tokens) > 0 else None, 1, MAX_PROCESSES)
    m = number(tokens[1] if len(tokens) > 1 else None, 1, MAX_TYPES)
    if n is None or m is None:
        stop("invalid input: the first line must be the number of processes (1 to 2000) and the number of resource types (1 to 100)")
    total = []
    for r in range(m):
        value = number(tokens[2 + r] if 2 + r < len(tokens) else None, 1, MAX_AMOUNT)
        if value is None:
            stop(f"invalid input: the total of type {r} must be 1 to 1000000000")
        total.append(value)
    q = number(tokens[2 + m] if 2 + m < len(tokens) else None, 0, MAX_EVENTS)
    if q is None:
        stop("invalid input: the number of events must be 0 to 200000")
    # Every event is read and checked before the first is run: malformed input prints nothing else.
    # The rules that depend on the state (a waiting process only exits, ...) are checked as each
    # event is reached.
    events = read_events(tokens, 3 + m, q, n, m)
    if isinstance(events, str):
        stop(f"invalid input: {events}")
    del tokens

    # What the driver knows of the system, from the events and your answers.
    free = total[:]
    held = [0] * (n * m)  # held[p * m + r]
    wait_type = [0] * n  # the type a waiting process waits for
    wait_amount = [0] * n  # how many it waits for; 0 if it does not wait
    names = [str(p) for p in range(n)]
    zeros = [0] * m
    types = range(m)

    def as_list(answer, event: int, function: str) -> list:
        if isinstance(answer, (list, tuple, set, frozenset)):
            return list(answer)
        stop(f"invalid answer: event {event}: {function} must return a list of processes, not {type(answer).__name__}")

    def bad_process(answer: list, event: int) -> str | None:
        """Why the processes in answer are not each a process at most once, or None."""
        seen = set()
        for d in answer:
            if type(d) is not int or not 0 <= d < n:
                return f"invalid answer: event {event}: there is no process {d!r} (processes are 0 to {n - 1})"
            if d in seen:
                return f"invalid answer: event {event}: process {d} appears twice"
            seen.add(d)
        return None

    def take_woken(woken: list, event: int, exited: int, released: int, given_back: set) -> str:
        """Checks and applies the processes a RELEASE of type `released` (exited = -1) or an EXIT of
        `exited` woke: each was waiting for a type just given back and fits in what is free, taken
        in the order listed. Returns the OK line."""
        seen = set()
        for q in woken:
            if type(q) is not int or not 0 <= q < n:
                stop(f"invalid answer: event {event}: there is no process {q!r} (processes are 0 to {n - 1})")
            if q in seen:
                stop(f"invalid answer: event {event}: process {q} appears twice")
            seen.add(q)
            if q == exited:
                stop(f"invalid answer: event {event}: process {q} has exited and cannot be woken")
            k = wait_amount[q]
            if k == 0:
                stop(f"invalid answer: event {event}: process {q} is woken but is not waiting")
            t = wait_type[q]
            if exited < 0 and t != released:
                stop(f"invalid answer: event {event}: process {q} is woken but waits for type {t}, and only type {released} was given back")
            if exited >= 0 and t not in given_back:
                stop(f"invalid answer: event {event}: process {q} is woken but waits for type {t}, which process {exited} did not hold")
            if k > free[t]:
                stop(f"invalid answer: event {event}: process {q} is woken for {k} of type {t}, but only {free[t]} are free")
            free[t] -= k
            held[q * m + t] += k
            wait_amount[q] = 0
        return "OK " + " ".join(map(names.__getitem__, sorted(woken)))

    detector = Detector(n, m, total[:])
    request, release, exit_, detect = detector.request, detector.release, detector.exit, detector.detect
    line = out.append
    for event, (kind, p, r, k) in enumerate(events, 1):
        if kind == DETECT:
            dead = detect()
            if dead.__class__ is not list:
                dead = as_list(dead, event, "detect")
            if not dead:
                line("NONE")
                continue
            # Checked in bulk (the loop in bad_process is only for the message): thousands of detections.
            if not (set(map(type, dead)) == {int} and min(dead) >= 0 and max(dead) < n and len(set(dead)) == len(dead)):
                stop(bad_process(dead, event))
            if not all(map(wait_amount.__getitem__, dead)):
                d = next(d for d in dead if wait_amount[d] == 0)
                stop(f"invalid answer: event {event}: process {d} is reported deadlocked but is not waiting")
            dead.sort()
            line("DEADLOCK " + " ".join(map(names.__getitem__, dead)))
        elif kind == EXIT:
            wait_amount[p] = 0
            row = p * m
            given_back = set(compress(types, held[row:row + m]))
            for t in given_back:
                free[t] += held[row + t]
            held[row:row + m] = zeros
            woken = exit_(p)
            if woken.__class__ is not list:
                woken = as_list(woken, event, "exit")
            line(take_woken(woken, event, p, -1, given_back) if woken else "OK")
        else:
            if wait_amount[p]:
                stop(f"invalid input: event {event}: process {p} is waiting and can only exit")
            cell = p * m + r
            now = held[cell]
            if kind == REQUEST:
                if now + k > total[r]:
                    stop(f"invalid input: event {event}: process {p} would hold {now + k} of type {r}, more than the total of {total[r]}")
                granted = request(p, r, k)
                if granted is True:
                    if k > free[r]:
                        stop(f"invalid answer: event {event}: process {p} is granted {k} of type {r}, but only {free[r]} are free")
                    free[r] -= k
                    held[cell] = now + k
                    line("GRANT")
                elif granted is False:
                    wait_type[p] = r
                    wait_amount[p] = k
                    line("WAIT")
                else:
                    stop(f"invalid answer: event {event}: request must return True or False, not {repr(granted)[:40]}")
            else:
                if k > now:
                    stop(f"invalid input: event {event}: process {p} gives back {k} of type {r} but holds {now}")
                held[cell] = now - k
                free[r] += k
                woken = release(p, r, k)
                if woken.__class__ is not list:
                    woken = as_list(woken, event, "release")
                line(take_woken(woken, event, -1, r, ()) if woken else "OK")
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
