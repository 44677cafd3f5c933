"""Known bad: a step after a single value is taken as a start: `5/10` in minutes is 5, 15, 25, 35,
45, 55. That is what the notation suggests and what croniter and other cron libraries do, but Vixie
cron allows a step only after `*` or a range: `5/10` is a bad minute (`5-59/10` says it)."""
import re
from datetime import date, timedelta

from main import END_OF_CALENDAR

EPOCH = date(1970, 1, 1).toordinal()
ONE_DAY = timedelta(days=1)
LAST = date(9999, 12, 31)

ITEM = re.compile(r"(?:(\*)|([0-9]+|[a-z]{3})(?:-([0-9]+|[a-z]{3}))?)(?:/([0-9]+))?", re.IGNORECASE | re.ASCII)

FIELDS = [
    ("minute", range(0, 60), ()),
    ("hour", range(0, 24), ()),
    ("day-of-month", range(1, 32), ()),
    ("month", range(1, 13), ("", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    ("day-of-week", range(0, 8), ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
]

MACROS = {
    "yearly": "0 0 1 1 *", "annually": "0 0 1 1 *", "monthly": "0 0 1 * *", "weekly": "0 0 * * 0",
    "daily": "0 0 * * *", "midnight": "0 0 * * *", "hourly": "0 * * * *", "reboot": None,
}


class Job:
    __slots__ = ("flags", "either", "reboot")

    def __init__(self, flags=None, either=False, reboot=False):
        self.flags = flags  # per field, a list of booleans indexed by value
        self.either = either
        self.reboot = reboot


def to_number(token, allowed, names):
    if token.isdigit():
        n = int(token)
        return n if n in allowed else None
    token = token.lower()
    return names.index(token) if token in names and token else None


def parse_field(text, allowed, names):
    """A list of flags for the field's values, or None if the field is bad."""
    flags = [False] * (allowed.stop)
    for item in text.split(","):
        m = ITEM.fullmatch(item)
        if not m:
            return None
        star, first, last, step = m.groups()
        step = int(step) if step is not None else 1
        if step == 0:
            return None
        if star:
            lo, hi = allowed.start, allowed.stop - 1
        else:
            lo = to_number(first, allowed, names)
            if lo is None:
                return None
            if last is not None:
                hi = to_number(last, allowed, names)
                if hi is None or hi < lo:
                    return None
            elif m.group(4) is not None:
                hi = allowed.stop - 1  # 5/10: from 5, every 10 to the end of the field
            else:
                hi = lo
        for v in range(lo, hi + 1, step):
            flags[v] = True
    return flags


def parse(line):
    fields_text = line.lstrip(" \t")
    words = re.split(r"[ \t]+", fields_text, maxsplit=5)
    if fields_text.startswith("@"):
        name = words[0][1:]
        if name not in MACROS:
            return "bad time specifier"
        command = re.split(r"[ \t]+", fields_text, maxsplit=1)[1:] or [""]
        if MACROS[name] is None:
            job = Job(reboot=True)
        else:
            job = parse_fields(MACROS[name].split())
        return (job, command[0]) if command[0] else "bad command"
    words += [""] * (6 - len(words))
    job = parse_fields(words[:5])
    if isinstance(job, str):
        return job
    return (job, words[5]) if words[5] else "bad command"


def parse_fields(words):
    flags = []
    for word, (name, allowed, names) in zip(words, FIELDS):
        f = parse_field(word, allowed, names)
        if f is None:
            return "bad " + name
        flags.append(f)
    flags[4][0] = flags[4][0] or flags[4][7]
    return Job(flags, not words[2].startswith("*") and not words[4].startswith("*"))


def day_runs(job, d):
    """Whether the job runs on date d (of a month it runs in)."""
    minutes, hours, days, months, weekdays = job.flags
    by_day, by_weekday = days[d.day], weekdays[d.isoweekday() % 7]
    return by_day or by_weekday if job.either else by_day and by_weekday


def runs_between(job, start, end):
    """The job's runs at minutes start <= t < end, in order."""
    end = min(end, END_OF_CALENDAR)
    if job.reboot or start >= end:
        return
    minutes, hours, months = job.flags[0], job.flags[1], job.flags[3]
    times = [h * 60 + m for h in range(24) if hours[h] for m in range(60) if minutes[m]]
    day, first = divmod(start, 1440)
    d = date.fromordinal(EPOCH + day)
    while day * 1440 < end:
        if not months[d.month]:
            # On to the 1st of the next month.
            if d.month == 12 and d.year == LAST.year:
                return
            d = date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)
            day = d.toordinal() - EPOCH
            first = 0
            continue
        if day_runs(job, d):
            for at in times:
                if at >= first:
                    if day * 1440 + at >= end:
                        return
                    yield day * 1440 + at
        if d == LAST:
            return
        d += ONE_DAY
        day += 1
        first = 0


def next_runs(job, after, count):
    runs = []
    for t in runs_between(job, after + 1, END_OF_CALENDAR):
        runs.append(t)
        if len(runs) == count:
            break
    return runs


def run(jobs, start, end):
    found = []
    for index, job in enumerate(jobs):
        found.extend((t, index) for t in runs_between(job, start, end))
    found.sort()
    return found
