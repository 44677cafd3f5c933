"""Known bad: hint 3 written as a recursion: search(job, t) checks the month, the day, the hour and
the minute of t, and when one does not fit it returns search(job, <the next candidate>): the 1st of
the next month, the next day at 00:00, the next hour. Each call is one step, so it reads like the hint
and works for jobs that run every day or every month, but a job that runs rarely needs more steps
than Python's recursion limit (1,000): the 29th of February on a Sunday, or a job that never runs
(0 0 30 2 *) and is searched until the end of the calendar, raise RecursionError."""
import heapq

from main import END_OF_CALENDAR


class Job:
    pass


FIELD_NAMES = ("minute", "hour", "day-of-month", "month", "day-of-week")
LOW = (0, 0, 1, 1, 0)
HIGH = (59, 23, 31, 12, 7)
NAMES = (None, None, None, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), ("sun", "mon", "tue", "wed", "thu", "fri", "sat"))
MACROS = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}


def atom(text, f):
    """A number or a name of field f, or None."""
    if text.isdigit() and text.isascii():
        return int(text) if LOW[f] <= int(text) <= HIGH[f] else None
    if NAMES[f] and len(text) == 3 and text.lower() in NAMES[f]:
        return NAMES[f].index(text.lower()) + LOW[f] if f == 3 else NAMES[f].index(text.lower())
    return None


def field_values(text, f):
    result = set()
    for item in text.split(","):
        if "/" in item:
            span, step = item.split("/", 1)
            if not (step.isdigit() and step.isascii()) or int(step) < 1 or (span != "*" and "-" not in span):
                return None
            step = int(step)
        else:
            span, step = item, 1
        if span == "*":
            lo, hi = LOW[f], HIGH[f]
        elif "-" in span:
            lo, hi = (atom(part, f) for part in span.split("-", 1))
            if lo is None or hi is None or lo > hi:
                return None
        else:
            lo = hi = atom(span, f)
            if lo is None:
                return None
        result.update(range(lo, hi + 1, step))
    return result


def make_job(words):
    job = Job()
    job.minutes, job.hours, job.days, job.months, weekdays = (field_values(w, f) for f, w in enumerate(words))
    job.weekdays = {w % 7 for w in weekdays}
    job.restricted = words[2][0] != "*" and words[4][0] != "*"
    job.reboot = False
    return job


def parse(line):
    text = line.lstrip(" \t")
    words = []
    wanted = 1 if text.startswith("@") else 5
    while len(words) < wanted:
        end = 0
        while end < len(text) and text[end] not in " \t":
            end += 1
        words.append(text[:end])
        text = text[end:].lstrip(" \t")
    if words[0].startswith("@"):
        if words[0] == "@reboot":
            job = Job()
            job.reboot = True
        elif words[0] in MACROS:
            job = make_job(MACROS[words[0]].split())
        else:
            return "bad time specifier"
    else:
        for f, word in enumerate(words):
            if field_values(word, f) is None:
                return "bad " + FIELD_NAMES[f]
        job = make_job(words)
    if text == "":
        return "bad command"
    return job, text


def civil(days):
    z = days + 719468
    era, doe = divmod(z, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, doy - (153 * mp + 2) // 5 + 1


def days_from_civil(y, m, d):
    y -= m <= 2
    era, yoe = divmod(y, 400)
    doy = (153 * (m - 3 if m > 2 else m + 9) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def search(job, t):
    """The first minute >= t the job runs at, or None."""
    if t >= END_OF_CALENDAR:
        return None
    day, in_day = divmod(t, 1440)
    year, month, d = civil(day)
    if month not in job.months:
        return search(job, days_from_civil(year + (month == 12), month % 12 + 1, 1) * 1440)
    by_day, by_weekday = d in job.days, (day + 4) % 7 in job.weekdays
    if not (by_day or by_weekday if job.restricted else by_day and by_weekday):
        return search(job, (day + 1) * 1440)
    hour, minute = divmod(in_day, 60)
    if hour not in job.hours:
        return search(job, day * 1440 + (hour + 1) * 60)
    for m in range(minute, 60):
        if m in job.minutes:
            return t - minute + m
    return search(job, day * 1440 + (hour + 1) * 60)


def next_runs(job, after, count):
    runs = []
    t = after + 1
    while not job.reboot and len(runs) < count:
        t = search(job, t)
        if t is None:
            break
        runs.append(t)
        t += 1
    return runs


def run(jobs, start, end):
    pending = []
    for i, job in enumerate(jobs):
        t = None if job.reboot else search(job, start)
        if t is not None and t < end:
            heapq.heappush(pending, (t, i))
    while pending:
        t, i = heapq.heappop(pending)
        yield t, i
        t = search(jobs[i], t + 1)
        if t is not None and t < end:
            heapq.heappush(pending, (t, i))
