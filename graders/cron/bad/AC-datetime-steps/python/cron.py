"""Expected AC: hint 3 of the statement done with datetime objects at each step: the candidate minute
is a datetime; a month the job does not run in moves it to the 1st of the next month, a day that does
not match to the next day at 00:00 (a timedelta of a day), an hour to the next allowed hour, then it
takes the next allowed minute of the hour. Each run is searched for from the minute after the last
one. run keeps a heapq of (next run, index). Several times slower than the reference, which takes a
matching day's runs in one slice and never builds a datetime; the performance check must allow it
(the statement says so)."""
import heapq
from datetime import datetime, timedelta

from main import END_OF_CALENDAR

EPOCH = datetime(1970, 1, 1)
ONE_MINUTE = timedelta(minutes=1)
ONE_HOUR = timedelta(hours=1)
ONE_DAY = timedelta(days=1)

MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split()
DAY_NAMES = "sun mon tue wed thu fri sat".split()
RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
MESSAGES = ["bad minute", "bad hour", "bad day-of-month", "bad month", "bad day-of-week"]
MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *", "@reboot": "",
}


class Job:
    def __init__(self, fields=None, words=None):
        self.reboot = fields is None
        if self.reboot:
            return
        minutes, hours, days, months, weekdays = fields
        self.minute_ok = [m in minutes for m in range(60)]
        self.hour_ok = [h in hours for h in range(24)]
        self.month_ok = [m in months for m in range(13)]
        # The next allowed hour after h (24: none), and the next allowed minute from m (60: none).
        self.next_hour = [min([x for x in hours if x > h], default=24) for h in range(24)]
        self.next_minute = [min([x for x in minutes if x >= m], default=60) for m in range(60)]
        either = not words[2].startswith("*") and not words[4].startswith("*")
        weekdays = {w % 7 for w in weekdays}
        # day_ok[day][weekday], weekday 0 being Sunday
        self.day_ok = [[(d in days or w in weekdays) if either else (d in days and w in weekdays) for w in range(7)] for d in range(32)]


def number(text, field):
    low, high = RANGES[field]
    if text.isascii() and text.isdigit():
        return int(text) if low <= int(text) <= high else None
    names = MONTH_NAMES if field == 3 else DAY_NAMES if field == 4 else []
    if len(text) == 3 and text.lower() in names:
        return names.index(text.lower()) + (1 if field == 3 else 0)
    return None


def values(text, field):
    out = set()
    for item in text.split(","):
        body, slash, step = item.partition("/")
        if slash and not (step.isascii() and step.isdigit() and int(step) > 0):
            return None
        step = int(step) if slash else 1
        if body == "*":
            low, high = RANGES[field]
        elif "-" in body:
            a, _, b = body.partition("-")
            low, high = number(a, field), number(b, field)
            if low is None or high is None or low > high:
                return None
        elif slash:
            return None
        else:
            low = high = number(body, field)
            if low is None:
                return None
        out.update(range(low, high + 1, step))
    return out


def cut(text):
    """The first word of text and what follows the blanks after it."""
    for i, c in enumerate(text):
        if c in " \t":
            return text[:i], text[i:].lstrip(" \t")
    return text, ""


def parse(line):
    rest = line.lstrip(" \t")
    if rest.startswith("@"):
        word, rest = cut(rest)
        if word not in MACROS:
            return "bad time specifier"
        words = MACROS[word].split()
        job = Job([values(w, i) for i, w in enumerate(words)], words) if words else Job()
    else:
        words, fields = [], []
        for i in range(5):
            word, rest = cut(rest)
            field = values(word, i)
            if field is None:
                return MESSAGES[i]
            words.append(word)
            fields.append(field)
        job = Job(fields, words)
    if not rest:
        return "bad command"
    return job, rest


def next_from(job, t):
    """The first run at minute t or later (hint 3), or None."""
    if job.reboot or t >= END_OF_CALENDAR:
        return None
    at = EPOCH + t * ONE_MINUTE
    try:
        while True:
            if not job.month_ok[at.month]:
                at = datetime(at.year + 1, 1, 1) if at.month == 12 else datetime(at.year, at.month + 1, 1)
                continue
            if not job.day_ok[at.day][at.isoweekday() % 7]:
                at = datetime(at.year, at.month, at.day) + ONE_DAY
                continue
            if not job.hour_ok[at.hour]:
                hour = job.next_hour[at.hour]
                at = at.replace(minute=0) + (hour - at.hour) * ONE_HOUR
                continue
            minute = job.next_minute[at.minute]
            if minute < 60:
                at = at.replace(minute=minute)
                return (at - EPOCH) // ONE_MINUTE
            at = at.replace(minute=0) + ONE_HOUR
    except (OverflowError, ValueError):
        return None  # past 9999-12-31 23:59


def next_runs(job, after, count):
    runs = []
    t = after + 1
    while len(runs) < count:
        found = next_from(job, t)
        if found is None:
            break
        runs.append(found)
        t = found + 1
    return runs


def run(jobs, start, end):
    heap = []
    for index, job in enumerate(jobs):
        first = next_from(job, start)
        if first is not None and first < end:
            heap.append((first, index))
    heapq.heapify(heap)
    while heap:
        minute, index = heap[0]
        yield minute, index
        following = next_from(jobs[index], minute + 1)
        if following is not None and following < end:
            heapq.heapreplace(heap, (following, index))
        else:
            heapq.heappop(heap)
