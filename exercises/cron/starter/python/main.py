"""The driver: reads the crontab and the queries, hands each job line to parse (cron.py), answers
NEXT queries with next_runs and RUN queries with run, checks what it can see of their answers, and
prints every time itself. Input is read in one go and output joined in large pieces: tests have
thousands of lines and queries, and RUN prints up to 500,000 runs."""
import os
import re
import sys
from itertools import islice
from operator import lt

# The minute of 10000-01-01 00:00 (times are minutes since 1970-01-01 00:00 UTC): no run is at or
# after it.
END_OF_CALENDAR = 4_223_371_680

MAX_LINES = 2000
MAX_LINE_LENGTH = 1000
MAX_QUERIES = 2000
MAX_COUNT = 1000
MAX_RUNS = 500_000
ERRORS = frozenset(("bad minute", "bad hour", "bad day-of-month", "bad month", "bad day-of-week", "bad command", "bad time specifier"))
WEEKDAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
NOT_PRINTABLE = re.compile(rb"[^\t\r\x20-\x7e]")
DATE = re.compile(rb"(\d{4})-(\d{2})-(\d{2})")
CLOCK = re.compile(rb"(\d{2}):(\d{2})")
BAD_TIME = "a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59"


# ---- The calendar (proleptic Gregorian, UTC), after Howard Hinnant's days_from_civil.

def days_from_civil(year: int, month: int, day: int) -> int:
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month - 3 if month > 2 else month + 9) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


# "HH:MM Www" for each weekday and minute of the day: a run's line is its date and one of these.
CLOCKS = [f"{m // 60:02d}:{m % 60:02d} {name}" for name in WEEKDAYS for m in range(1440)]


class Dates(dict):
    """"YYYY-MM-DD " by day, made when first asked for; runs come many to a day."""

    def __missing__(self, day: int) -> str:
        if len(self) > 100_000:
            self.clear()
        year, month, d = civil_from_days(day)
        self[day] = text = f"{year:04d}-{month:02d}-{d:02d} "
        return text


dates = Dates()


def format_minute(minute: int) -> str:
    """"YYYY-MM-DD HH:MM Www"."""
    day, in_day = divmod(minute, 1440)
    return dates[day] + CLOCKS[(day + 4) % 7 * 1440 + in_day]


def describe(minute) -> str:
    """A minute as a message shows it: its date and time in the calendar, else the number."""
    if type(minute) is int and 0 <= minute < END_OF_CALENDAR:
        return format_minute(minute)[:16]
    return f"minute {minute!r}"


def quote(text: str) -> str:
    """A string your code returned, in a message."""
    return f'"{text[:40]}..."' if len(text) > 40 else f'"{text}"'


# ---- The input, read as the statement says (the grader's parseInput, message for message).

def counted(text: bytes, lowest: int, highest: int) -> int | None:
    """The text (white space around it ignored) as a number of 1 to 9 digits from lowest to highest."""
    text = text.strip()
    if not (0 < len(text) <= 9 and text.isdigit()) or not lowest <= int(text) <= highest:
        return None
    return int(text)


def utf16_length(text: bytes) -> int:
    """The length of a line as the grader counts it: in UTF-16 units (the input is UTF-8, and a line
    longer than allowed is reported before one with a character that is not ASCII)."""
    if text.isascii():
        return len(text)
    return sum(((c & 0xC0) != 0x80) + (c >= 0xF0) for c in text)


def parse_instant(date: bytes, clock: bytes) -> int | None:
    """"YYYY-MM-DD" and "HH:MM" as a minute of 1970..9999, or None."""
    d = DATE.fullmatch(date)
    t = CLOCK.fullmatch(clock)
    if not d or not t:
        return None
    year, month, day = map(int, d.groups())
    hour, minute = map(int, t.groups())
    if not (1970 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month) and hour <= 23 and minute <= 59):
        return None
    return days_from_civil(year, month, day) * 1440 + hour * 60 + minute


def read_query(text: bytes, i: int, n: int) -> tuple[str, int, int, int]:
    """("NEXT", line, count, after) or ("RUN", start, end, 0); raises ValueError on anything else."""
    tokens = text.split()
    if len(tokens) == 5 and tokens[0] == b"NEXT":
        if n == 0:
            raise ValueError(f"query {i}: NEXT needs a line, and the crontab has none")
        line = counted(tokens[1], 1, n)
        if line is None:
            raise ValueError(f"query {i}: the line must be 1 to {n}")
        count = counted(tokens[2], 1, MAX_COUNT)
        if count is None:
            raise ValueError(f"query {i}: the count must be 1 to {MAX_COUNT}")
        after = parse_instant(tokens[3], tokens[4])
        if after is None:
            raise ValueError(f"query {i}: {BAD_TIME}")
        return "NEXT", line, count, after
    if len(tokens) == 5 and tokens[0] == b"RUN":
        start = parse_instant(tokens[1], tokens[2])
        end = parse_instant(tokens[3], tokens[4]) if start is not None else None
        if start is None or end is None:
            raise ValueError(f"query {i}: {BAD_TIME}")
        if start > end:
            raise ValueError(f"query {i}: a window must not end before it starts")
        return "RUN", start, end, 0
    raise ValueError(f"query {i} must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM")


def read_input(data: bytes) -> tuple[list[bytes], list[tuple[str, int, int, int]]]:
    """The crontab's lines and the queries; raises ValueError on malformed input."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    at = 0

    def next_line(what: str) -> bytes:
        nonlocal at
        if at >= len(lines):
            raise ValueError(f"the input ends before {what}")
        at += 1
        return lines[at - 1]

    n = counted(next_line("the number of lines"), 0, MAX_LINES)
    if n is None:
        raise ValueError(f"the number of crontab lines must be 0 to {MAX_LINES}")
    crontab = []
    for i in range(1, n + 1):
        line = next_line(f"crontab line {i}")
        if utf16_length(line) > MAX_LINE_LENGTH:
            raise ValueError(f"crontab line {i} is longer than {MAX_LINE_LENGTH} characters")
        if NOT_PRINTABLE.search(line):
            raise ValueError(f"crontab line {i} has a character that is not printable ASCII or a tab")
        crontab.append(line)
    q = counted(next_line("the number of queries"), 0, MAX_QUERIES)
    if q is None:
        raise ValueError(f"the number of queries must be 0 to {MAX_QUERIES}")
    queries = [read_query(next_line(f"query {i}"), i, n) for i in range(1, q + 1)]
    if at < len(lines):
        raise ValueError("there is more input after the last query")
    return crontab, queries


def main() -> None:
    # Imported here, not above: cron.py may import END_OF_CALENDAR from this file.
    from cron import next_runs, parse, run

    out: list[str] = []
    line = out.append

    def stop(message: str) -> None:
        # Malformed input and wrong answers end the run with a message on standard output and status
        # 0, after what was printed before, so that running your own input shows the message next to
        # the reference's identical one. os._exit, like the C and Go drivers' exit: your code cannot
        # catch it and carry on.
        out.append(message + "\n")
        sys.stdout.write("\n".join(out))
        sys.stdout.flush()
        os._exit(0)

    try:
        crontab, queries = read_input(sys.stdin.buffer.read())
    except ValueError as error:
        stop(f"invalid input: {error}")

    # Every job line is parsed before the first query: the errors come first.
    job_of_line = [-1] * len(crontab)
    jobs = []
    commands = []
    for i, raw in enumerate(crontab, 1):
        text = raw.rstrip(b" \t\r").decode("ascii")
        rest = text.lstrip(" \t")
        if not rest or rest[0] == "#":
            continue  # blank, or a comment
        parsed = parse(text)
        if type(parsed) is str:
            if parsed not in ERRORS:
                stop(f"invalid answer: line {i}: parse returned the error {quote(parsed)}, which is not one of the statement's")
            line(f"line {i}: {parsed}")
            continue
        if type(parsed) is not tuple or len(parsed) != 2:
            stop(f"invalid answer: line {i}: parse must return (job, command) or an error message, not {type(parsed).__name__}")
        job, command = parsed
        if type(command) is not str or not command or command[0] in " \t" or len(command) == len(text) or not text.endswith(command):
            shown = quote(command) if type(command) is str else type(command).__name__
            stop(f"invalid answer: line {i}: the command must be the end of the line after the fields (not empty, not beginning with a blank); parse returned {shown}")
        job_of_line[i - 1] = len(jobs)
        jobs.append(job)
        commands.append(" " + command)

    total_runs = 0
    for i, (kind, a, b, c) in enumerate(queries, 1):
        if len(out) > 100_000:
            # Written in large pieces: the lines of every query at once would take hundreds of MB.
            out.append("")
            sys.stdout.write("\n".join(out))
            out.clear()
        if kind == "NEXT":
            line_number, count, after = a, b, c
            job = job_of_line[line_number - 1]
            if job < 0:
                line(f"line {line_number}: no job")
                continue
            runs = next_runs(jobs[job], after, count)
            if type(runs) is not list:
                if not isinstance(runs, (list, tuple)):
                    stop(f"invalid answer: query {i}: next_runs must return a list of minutes, not {type(runs).__name__}")
                runs = list(runs)
            if len(runs) > count:
                stop(f"invalid answer: query {i}: next returned {len(runs)} runs for a count of {count}")
            if runs:
                # Checked in bulk (the loop below is only for the message): up to 2,000,000 runs.
                if not (set(map(type, runs)) == {int} and runs[0] > after and all(map(lt, runs, islice(runs, 1, None))) and runs[-1] < END_OF_CALENDAR):
                    for r, minute in enumerate(runs):
                        if type(minute) is not int:
                            stop(f"invalid answer: query {i}: run {r + 1} is {minute!r}, not a minute (an int)")
                        if r == 0 and minute <= after:
                            stop(f"invalid answer: query {i}: run 1 ({describe(minute)}) is not after {describe(after)}")
                        if r > 0 and minute <= runs[r - 1]:
                            stop(f"invalid answer: query {i}: run {r + 1} ({describe(minute)}) is not after run {r} ({describe(runs[r - 1])})")
                        if minute >= END_OF_CALENDAR:
                            stop(f"invalid answer: query {i}: run {r + 1} ({describe(minute)}) is past the end of the calendar")
                out += map(format_minute, runs)
            if len(runs) < count:
                line("no more runs")
            continue
        start, end = a, b
        runs = 0
        last_minute = last_job = -1
        job_count = len(jobs)
        for pair in run(jobs, start, end):
            try:
                minute, job = pair
            except (TypeError, ValueError):
                stop(f"invalid answer: query {i}: run must yield (minute, index) pairs, not {repr(pair)[:40]}")
            if type(job) is not int or not 0 <= job < job_count:
                stop(f"invalid answer: query {i}: run reported job {job!r}, which is not the index of a job (there are {job_count})")
            if type(minute) is not int:
                stop(f"invalid answer: query {i}: run reported the minute {minute!r}, not an int")
            if not start <= minute < end:
                stop(f"invalid answer: query {i}: run reported a run at {describe(minute)}, outside the window")
            if minute < last_minute or (minute == last_minute and job <= last_job):
                stop(f"invalid answer: query {i}: run reported job {job} at {describe(minute)} after job {last_job} at {describe(last_minute)}: runs come in order of time, then of index")
            total_runs += 1
            if total_runs > MAX_RUNS:
                stop(f"invalid answer: query {i}: run reported more than {MAX_RUNS} runs in all the RUN queries, more than an input may ask for")
            last_minute = minute
            last_job = job
            runs += 1
            day, in_day = divmod(minute, 1440)
            line(dates[day] + CLOCKS[(day + 4) % 7 * 1440 + in_day] + commands[job])
        line(f"runs: {runs}")
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
