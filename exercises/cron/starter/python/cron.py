"""Times are minutes since 1970-01-01 00:00 UTC; the calendar ends at END_OF_CALENDAR (main.py), the
minute of 10000-01-01 00:00: no run is at or after it."""
from collections.abc import Iterator

from main import END_OF_CALENDAR


class Job:
    """A parsed crontab line."""

    # TODO: what a job needs to find its runs: the set of values of each field (a list of flags, or
    # an int used as a bit mask), whether the day-of-month and day-of-week fields began with `*`
    # (the rule for days needs it: the sets cannot tell `*` from `1-31`), and whether it is @reboot.


def parse(line: str) -> tuple[Job, str] | str:
    """Reads a job line: five fields and a command, or a macro and a command. The line is not blank
    and not a comment, its trailing blanks are removed, and it holds at most 1,000 printable ASCII
    characters and tabs. Returns (job, command), the command being the rest of the line after the
    blanks that follow the fields, or the message of the first bad field, left to right ("bad hour",
    "bad command", "bad time specifier", ...)."""
    # TODO: skip the leading blanks; read a macro or the five fields, each a comma-separated list of
    # values, names, `*`, ranges and steps, and return the message of the first bad one. For now
    # every line with six words is a job whose command is the sixth word on, and a job never runs.
    words = line.split(None, 5)
    if len(words) < 6:
        return "bad command"
    return Job(), words[5]


def next_runs(job: Job, after: int, count: int) -> list[int]:
    """The first count runs of the job at minutes > after, in increasing order: count of them, or
    fewer if the calendar ends first (none for a job that never runs). after is a minute of the
    calendar; count is 1 to 1,000."""
    # TODO: start at after + 1 and fix the fields from the largest: a month the job does not run in
    # skips to the next month, a day that does not match to the next day, an hour to the next hour;
    # stop at END_OF_CALENDAR. For now there are no runs.
    return []


def run(jobs: list[Job], start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yields (minute, index) for every run of the jobs at start <= minute < end, in order of minute,
    then of index at the same minute. jobs are the lines that parsed, in the order of their lines:
    index 0 is the first. There are at most 2,000; start and end are minutes of the calendar and
    start <= end."""
    # TODO: a min-heap of (next run, index), one entry per job with a run in the window (heapq): pop
    # the earliest, yield it, push that job's next run if it is before end. For now nothing runs.
    yield from ()
