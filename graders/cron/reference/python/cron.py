"""Reference: each field parsed into the set of its values; a job keeps the sorted minutes of the day
it runs at (hour x minute), and a table of the days it runs on by day of the month and weekday. The
next runs skip whole months (to the first day of the next allowed one), then days one at a time,
and take a matching day's runs in one slice. run merges the jobs with heapq, one entry per job: each
job's runs come from a generator, as minute << 11 | index, so that the heap compares plain ints."""
from bisect import bisect_left
from collections.abc import Iterator
from heapq import heapify, heappop, heapreplace

from main import END_OF_CALENDAR

END_DAY = END_OF_CALENDAR // 1440
INDEX_BITS = 11  # at most 2,000 jobs < 2^11
NEVER = END_OF_CALENDAR << INDEX_BITS  # after every run's code
MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
DAY_MINUTES = list(range(1440))
SHIFTED_MINUTES = [m << INDEX_BITS for m in DAY_MINUTES]

MONTH_NAMES = {name: i for i, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
DAY_NAMES = {name: i for i, name in enumerate("sun mon tue wed thu fri sat".split())}
# (low, high, names, message) per field.
FIELDS = (
    (0, 59, None, "bad minute"),
    (0, 23, None, "bad hour"),
    (1, 31, None, "bad day-of-month"),
    (1, 12, MONTH_NAMES, "bad month"),
    (0, 7, DAY_NAMES, "bad day-of-week"),
)
MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *", "@reboot": None,
}


class Job:
    __slots__ = ("offsets", "shifted", "months", "next_month", "matches", "reboot")

    def __init__(self, values: list[set[int]], day_star: bool, weekday_star: bool, reboot: bool):
        minutes, hours, days, months, weekdays = values
        if 7 in weekdays:
            weekdays.add(0)
        # The minutes of the day it runs at, and the same shifted past a heap entry's index: ints
        # shared by every job (2,000 jobs running every minute would otherwise hold 5,760,000).
        at = sorted(h * 60 + m for h in hours for m in minutes)
        self.offsets = list(map(DAY_MINUTES.__getitem__, at))
        self.shifted = list(map(SHIFTED_MINUTES.__getitem__, at))
        self.months = [m in months and not reboot for m in range(13)]
        # The next month it runs in after month m: (years later, month).
        allowed = sorted(months)
        self.next_month = [next(((0, a) for a in allowed if a > m), (1, allowed[0])) for m in range(13)]
        either = not day_star and not weekday_star
        # matches[day * 7 + weekday]: the rule for days.
        self.matches = [(d in days or w in weekdays) if either else (d in days and w in weekdays) for d in range(32) for w in range(7)]
        self.reboot = reboot


def _value(text: str, low: int, high: int, names: dict[str, int] | None) -> int:
    """A number or a name of the field, or -1."""
    if text.isdigit():
        n = int(text)
        return n if low <= n <= high else -1
    if names is not None and len(text) == 3 and text.isalpha():
        return names.get(text.lower(), -1)
    return -1


def _field(text: str, low: int, high: int, names: dict[str, int] | None) -> set[int] | None:
    """The values of a field's text (a comma-separated list of items), or None if it is bad."""
    values = set()
    for item in text.split(","):
        body, slash, step_text = item.partition("/")
        step = 1
        if slash:
            if not step_text.isdigit() or int(step_text) == 0:
                return None
            step = int(step_text)
        if body == "*":
            a, b = low, high
        else:
            left, dash, right = body.partition("-")
            if not dash:
                if slash:
                    return None  # a step needs a range or `*`
                a = b = _value(body, low, high, names)
                if a < 0:
                    return None
            else:
                a = _value(left, low, high, names)
                b = _value(right, low, high, names)
                if a < 0 or b < 0 or a > b:
                    return None
        values.update(range(a, b + 1, step))
    return values


def _word(text: str) -> tuple[str, str]:
    """The next blank-separated word, and the rest after the blanks that follow it."""
    end = 0
    while end < len(text) and text[end] not in " \t":
        end += 1
    return text[:end], text[end:].lstrip(" \t")


def _fields(text: str) -> tuple[Job, str] | str:
    """The job of the five fields at the start of text and the rest after them, or the message of
    the first bad field."""
    values = []
    words = []
    for low, high, names, message in FIELDS:
        word, text = _word(text)
        field = _field(word, low, high, names)
        if field is None:
            return message
        values.append(field)
        words.append(word)
    return Job(values, words[2].startswith("*"), words[4].startswith("*"), False), text


def parse(line: str) -> tuple[Job, str] | str:
    rest = line.lstrip(" \t")
    if rest.startswith("@"):
        macro, rest = _word(rest)
        if macro not in MACROS:
            return "bad time specifier"
        expansion = MACROS[macro]
        job = _fields(expansion)[0] if expansion else Job([{0}, {0}, {1}, {1}, {0}], False, False, True)
    else:
        parsed = _fields(rest)
        if type(parsed) is str:
            return parsed
        job, rest = parsed
    if not rest:
        return "bad command"
    return job, rest


def _civil(days: int) -> tuple[int, int, int]:
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


def _first_of_month(year: int, month: int) -> int:
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + (153 * (month - 3 if month > 2 else month + 9) + 2) // 5 - 719468


def _matching_day(job: Job, day: int, stop: int) -> int:
    """The first day >= day the job runs on, or a day >= stop if there is none before stop: a month
    it does not run in skips to the first day of the next month it does, a day that does not match
    to the next day."""
    months = job.months
    matches = job.matches
    while day < stop:
        year, month, d = _civil(day)
        if not months[month]:
            later, month = job.next_month[month]
            day = _first_of_month(year + later, month)
            continue
        last = 29 if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else MONTH_DAYS[month]
        weekday = (day + 4) % 7
        for d in range(d, last + 1):  # the rest of the month, a day at a time
            if matches[d * 7 + weekday]:
                return day
            day += 1
            weekday = weekday + 1 if weekday < 6 else 0
    return day


def next_runs(job: Job, after: int, count: int) -> list[int]:
    if job.reboot:
        return []
    day, first = divmod(after + 1, 1440)
    offsets = job.offsets
    k = bisect_left(offsets, first)
    runs = []
    while True:
        found = _matching_day(job, day, END_DAY)
        if found >= END_DAY:
            return runs
        if found != day:
            k = 0
        runs += map((found * 1440).__add__, offsets[k:k + count - len(runs)])
        if len(runs) == count:
            return runs
        day = found + 1
        k = 0


def _codes(job: Job, index: int, day: int, k: int, stop: int) -> Iterator[int]:
    """The job's runs from its run offsets[k] of `day` (a day it runs on) on, as minute << 11 |
    index, up to the day `stop`; then NEVER."""
    shifted = job.shifted
    yield from map(((day * 1440) << INDEX_BITS | index).__add__, shifted[k:])
    while True:
        day = _matching_day(job, day + 1, stop)
        if day >= stop:
            yield NEVER
            return
        yield from map(((day * 1440) << INDEX_BITS | index).__add__, shifted)


def run(jobs: list[Job], start: int, end: int) -> Iterator[tuple[int, int]]:
    stop = end // 1440 + 1  # the days after the window
    end_code = end << INDEX_BITS
    day, first = divmod(start, 1440)
    # The first day is the same for every job: its month, then the rule for days, looked up at once.
    _, month, d = _civil(day)
    key = d * 7 + (day + 4) % 7
    heap = []
    following = [None] * len(jobs)
    for index, job in enumerate(jobs):
        offsets = job.offsets
        if job.months[month] and job.matches[key] and offsets[-1] >= first:
            found = day
            k = bisect_left(offsets, first)
        elif day + 1 < stop and not job.reboot:
            found = _matching_day(job, day + 1, stop)
            k = 0
        else:
            continue
        if found * 1440 + offsets[k] >= end:
            continue
        codes = _codes(job, index, found, k, stop).__next__
        heap.append(codes())
        following[index] = codes
    heapify(heap)
    mask = (1 << INDEX_BITS) - 1
    while heap:
        code = heap[0]
        index = code & mask
        yield code >> INDEX_BITS, index
        code = following[index]()
        if code < end_code:
            heapreplace(heap, code)
        else:
            heappop(heap)
