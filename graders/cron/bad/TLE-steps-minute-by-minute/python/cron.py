"""Known bad: right answers, but the next run is found by walking the calendar one minute at a time
with a datetime, testing the five fields at each minute, until one matches or the calendar ends. It
is cron's definition taken literally and fine for a job that runs every few minutes, but a job that
runs once a year costs half a million steps per run, and one that never runs (the 31st of April) four
billion. run asks each job for its next run in the same way and merges them with heapq."""
import heapq
from datetime import datetime, timedelta

from main import END_OF_CALENDAR

EPOCH = datetime(1970, 1, 1)
MINUTE = timedelta(minutes=1)
MACROS = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
          "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *", "@reboot": None}
SPEC = [("minute", 0, 59, []), ("hour", 0, 23, []), ("day-of-month", 1, 31, []),
        ("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day-of-week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"])]


class Job:
    def __init__(self, sets, dom_star, dow_star):
        self.minute, self.hour, self.dom, self.month, self.dow = sets
        if 7 in self.dow:
            self.dow.add(0)
        self.either = not dom_star and not dow_star

    def at(self, when):
        if when.minute not in self.minute or when.hour not in self.hour or when.month not in self.month:
            return False
        dom, dow = when.day in self.dom, when.isoweekday() % 7 in self.dow
        return dom or dow if self.either else dom and dow


def read_value(word, low, high, names):
    if word.isascii() and word.isdigit() and low <= int(word) <= high:
        return int(word)
    if len(word) == 3 and word.lower() in names:
        return names.index(word.lower()) + (low if low == 1 else 0)
    raise ValueError(word)


def read_field(word, low, high, names):
    result = set()
    for item in word.split(","):
        span, _, step = item.partition("/")
        if "/" in item and (not step.isascii() or not step.isdigit() or int(step) == 0 or (span != "*" and "-" not in span)):
            raise ValueError(item)
        if span == "*":
            a, b = low, high
        elif "-" in span:
            a, b = [read_value(x, low, high, names) for x in span.split("-", 1)]
            if a > b:
                raise ValueError(item)
        else:
            a = b = read_value(span, low, high, names)
        result.update(range(a, b + 1, int(step) if step else 1))
    return result


def take(text):
    i = 0
    while i < len(text) and text[i] not in " \t":
        i += 1
    return text[:i], text[i:].lstrip(" \t")


def parse(line):
    rest = line.lstrip(" \t")
    if rest[0] == "@":
        word, rest = take(rest)
        if word not in MACROS:
            return "bad time specifier"
        words = MACROS[word].split() if MACROS[word] else None
    else:
        words = []
        for _ in range(5):
            word, rest = take(rest)
            words.append(word)
    job = None
    if words:
        sets = []
        for word, (name, low, high, names) in zip(words, SPEC):
            try:
                sets.append(read_field(word, low, high, names))
            except ValueError:
                return "bad " + name
        job = Job(sets, words[2].startswith("*"), words[4].startswith("*"))
    if not rest:
        return "bad command"
    return job, rest


def first(job, t, stop):
    """The first minute in [t, stop) the job runs at, or None."""
    if job is None or t >= stop:
        return None
    when = EPOCH + t * MINUTE
    while t < stop:
        if job.at(when):
            return t
        t += 1
        if t < END_OF_CALENDAR:
            when += MINUTE
    return None


def next_runs(job, after, count):
    runs = []
    t = first(job, after + 1, END_OF_CALENDAR)
    while t is not None and len(runs) < count:
        runs.append(t)
        if len(runs) < count:
            t = first(job, t + 1, END_OF_CALENDAR)
    return runs


def run(jobs, start, end):
    heap = [(t, i) for i, job in enumerate(jobs) if (t := first(job, start, end)) is not None]
    heapq.heapify(heap)
    while heap:
        t, i = heapq.heappop(heap)
        yield t, i
        following = first(jobs[i], t + 1, end)
        if following is not None:
            heapq.heappush(heap, (following, i))
