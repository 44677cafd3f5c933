"""Known bad: day-of-week 7 is accepted (the field's values are 0 to 7) but never folded onto
Sunday: the days it tests are numbered 0 to 6, so a 7 in the set matches nothing: `0 12 * * 7` never
runs, and `5-7` means Friday and Saturday. Accepting 7 looks like all there is to it, but 7 is
Sunday, like 0."""
import heapq
from itertools import islice

from main import END_OF_CALENDAR

LAST_DAY = END_OF_CALENDAR // 1440

MONTHS = {name: i for i, name in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
WEEKDAYS = {name: i for i, name in enumerate(["sun", "mon", "tue", "wed", "thu", "fri", "sat"])}

# name, lowest, highest, names
SPECS = [
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day-of-month", 1, 31, {}),
    ("month", 1, 12, MONTHS),
    ("day-of-week", 0, 7, WEEKDAYS),
]

MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}


class BadField(Exception):
    pass


class Job:
    def __init__(self, minutes, hours, days, months, weekdays, day_star, weekday_star):
        # The minutes of a day it runs at, in order.
        self.times = sorted(h * 60 + m for h in hours for m in minutes)
        self.days = days
        self.months = months
        self.weekdays = weekdays
        self.both = day_star or weekday_star  # a day must match both day fields

    def on(self, day, weekday):
        if self.both:
            return day in self.days and weekday in self.weekdays
        return day in self.days or weekday in self.weekdays


class Reboot:
    """@reboot: runs when the daemon starts, never at a time."""


def value(text, low, high, names):
    if text.isdigit() and text.isascii():
        n = int(text)
        if low <= n <= high:
            return n
    elif text.lower() in names:
        return names[text.lower()]
    raise BadField(text)


def field(text, low, high, names):
    chosen = set()
    for item in text.split(","):
        step = 1
        if "/" in item:
            item, step_text = item.split("/", 1)
            if not (step_text.isdigit() and step_text.isascii()) or int(step_text) == 0:
                raise BadField(text)
            step = int(step_text)
            if item != "*" and "-" not in item:
                raise BadField(text)
        if item == "*":
            first, last = low, high
        elif "-" in item:
            a, b = item.split("-", 1)
            first, last = value(a, low, high, names), value(b, low, high, names)
            if first > last:
                raise BadField(text)
        else:
            first = last = value(item, low, high, names)
        chosen.update(range(first, last + 1, step))
    return chosen


def split_word(text):
    """The first blank-separated word and the rest after the blanks that follow it."""
    i = 0
    while i < len(text) and text[i] not in " \t":
        i += 1
    return text[:i], text[i:].lstrip(" \t")


def parse_fields(text):
    values, words = [], []
    for name, low, high, names in SPECS:
        word, text = split_word(text)
        try:
            values.append(field(word, low, high, names))
        except BadField:
            return "bad " + name
        words.append(word)
    return Job(*values, words[2].startswith("*"), words[4].startswith("*")), text


def parse(line):
    text = line.lstrip(" \t")
    if text.startswith("@"):
        word, text = split_word(text)
        if word == "@reboot":
            job = Reboot()
        elif word in MACROS:
            job = parse_fields(MACROS[word])[0]
        else:
            return "bad time specifier"
    else:
        parsed = parse_fields(text)
        if isinstance(parsed, str):
            return parsed
        job, text = parsed
    if not text:
        return "bad command"
    return job, text


def civil(days):
    """(year, month, day) of a day number (days since 1970-01-01), after Howard Hinnant."""
    z = days + 719468
    era, doe = divmod(z, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


def month_length(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def runs_from(job, t, stop=END_OF_CALENDAR):
    """The job's runs at minutes >= t and < stop, in order."""
    if isinstance(job, Reboot):
        return
    day, first = divmod(t, 1440)
    year, month, d = civil(day)
    weekday = (day + 4) % 7
    while day < LAST_DAY and day * 1440 < stop:
        length = month_length(year, month)
        if month not in job.months:
            skip = length - d + 1  # to the 1st of the next month
            day += skip
            weekday = (weekday + skip) % 7
            d = length + 1
        else:
            if job.on(d, weekday):
                for at in job.times:
                    if at >= first:
                        if day * 1440 + at >= stop:
                            return
                        yield day * 1440 + at
            day += 1
            weekday = (weekday + 1) % 7
            d += 1
        first = 0
        if d > length:
            d = 1
            month += 1
            if month > 12:
                month = 1
                year += 1


def next_runs(job, after, count):
    return list(islice(runs_from(job, after + 1), count))


def tagged(job, index, start, end):
    for minute in runs_from(job, start, end):
        yield minute, index


def run(jobs, start, end):
    # Each job's runs come in order: merging them in order of (minute, index) is the schedule.
    return heapq.merge(*(tagged(job, index, start, end) for index, job in enumerate(jobs)))
