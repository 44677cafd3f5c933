"""The test harness (read-only): runs producer and consumer threads against your BoundedBuffer and
checks every item arrives exactly once, in order, without the buffer ever holding more than its
capacity, and that close wakes everyone (and that closing twice is harmless). It writes its report
on its own descriptor (osprep_report.py): print() goes to stderr, so you may debug with it.

Input: a nonce line, then "P C CAPACITY N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE".
As the threading docs allow, some Condition.wait calls return without a notify.

Your module runs in this process but cannot reach the harness: everything the harness needs is
taken before your module is imported and kept inside _harness(); your module sees an empty
__main__; and the harness checks at the end that what it relies on was not replaced."""
import os
import random
import sys
import threading
import time
import types

import osprep_report


def _harness() -> None:
    # The report, and its methods, are held here only: your module cannot reach them.
    report = osprep_report.Report()
    fail, failed, number, end = report.fail, report.failed, report.number, report.end
    sys.stdout = sys.stderr
    exit_now = os._exit

    numbers = sys.stdin.read().split()
    producers, consumers, capacity, items, pause_us, start_ms, spurious_permille, mode = map(int, numbers)

    real_wait = threading.Condition.wait
    chance = random.Random(20261123)

    def spurious_wait(self, timeout=None):  # a wakeup without a notify, now and then
        if spurious_permille and chance.randrange(1000) < spurious_permille:
            return True
        return real_wait(self, timeout)

    threading.Condition.wait = spurious_wait
    # Your module sees an empty __main__, not this harness.
    stand_in = types.ModuleType("__main__")
    sys.modules["__main__"] = stand_in

    from buffer import BoundedBuffer

    stall_seconds = 2.0
    failed_grace_seconds = 1.0
    mask = 0xFFFFFFFF
    state = threading.Lock()
    counts = {"puts_done": 0, "gets_started": 0, "gets_done": 0, "accepted": 0, "in_put": 0, "in_get": 0, "progress": 0}
    flags = {"closed": False}
    seen = bytearray(producers * items)
    totals = {"checksum": 0, "delivered": 0}

    def bump(**changes: int) -> None:
        with state:
            for key, change in changes.items():
                counts[key] += change

    def mix(producer: int, sequence: int) -> int:
        x = ((producer * 0x9E3779B1) & mask) ^ sequence
        x ^= x >> 16
        x = (x * 0x85EBCA6B) & mask
        return x ^ (x >> 13)

    def intact() -> None:
        if threading.Condition.wait is not spurious_wait:
            fail("Your code replaced threading.Condition.wait: the harness's test must run on the library's own.")
        if sys.modules.get("__main__") is not stand_in:
            fail("Your code replaced the __main__ module: the harness's test must run as it is.")

    def write_report() -> None:
        intact()
        number("delivered", totals["delivered"])
        number("accepted", counts["accepted"])
        number("checksum", totals["checksum"])
        end()

    def watchdog() -> None:
        # No progress for stall_seconds: a deadlock or a lost wakeup. A run that has failed ends
        # failed_grace_seconds after (a race can keep it busy forever: a count gone wrong).
        last, still, failed_for = -1, 0.0, 0.0
        while True:
            time.sleep(0.05)
            if failed():
                failed_for += 0.05
                if failed_for >= failed_grace_seconds:
                    write_report()
                    exit_now(0)
            with state:
                now, putting, getting, held = counts["progress"], counts["in_put"], counts["in_get"], counts["puts_done"] - counts["gets_done"]
            if now != last:
                last, still = now, 0.0
                continue
            still += 0.05
            if still < stall_seconds or (putting == 0 and getting == 0):
                continue
            if flags["closed"]:
                fail(f"After close(), {putting} thread(s) were still waiting in put and {getting} in get for {stall_seconds:.0f} s: close must wake every waiting thread, and get on a closed, empty buffer must return None.")
            else:
                fail(f"No progress for {stall_seconds:.0f} s: {putting} producer(s) waiting in put, {getting} consumer(s) waiting in get, about {held} item(s) in the buffer (capacity {capacity}). A deadlock, or a wakeup that was never sent: after a put, a waiting get must be woken, and after a get, a waiting put.")
            write_report()
            exit_now(0)

    def producer(p: int) -> None:
        for s in range(items):
            if pause_us:
                time.sleep(pause_us / 1e6)
            bump(in_put=1)
            ok = buffer.put((p << 32) | s)
            bump(in_put=-1, progress=1)
            if not ok:
                if not flags["closed"]:
                    fail("put returned False on an open buffer: it must wait until there is room (after every wakeup, check the buffer again: while, not if).")
                return
            with state:
                counts["accepted"] += 1
                counts["puts_done"] += 1
                held = counts["puts_done"] - counts["gets_started"]
            if held > capacity:
                fail(f"The buffer held at least {held} items at once; its capacity is {capacity}: put must wait while the buffer is full.")

    def take(last: dict[int, int], item: object) -> None:
        if not isinstance(item, int) or item < 0 or item >> 32 >= producers or item & mask >= items:
            fail(f"get returned {item!r}, which no producer put: an item taken from an empty buffer (check the buffer again after every wakeup: while, not if) or a broken index.")
            return
        p, s = item >> 32, item & mask
        with state:
            seen[p * items + s] += 1
            times = seen[p * items + s]
            totals["checksum"] = (totals["checksum"] + mix(p, s)) & mask
            totals["delivered"] += 1
        if times > 1:
            fail(f"Item {s} of producer {p} was delivered {times} times: each item must be taken once.")
        if s <= last.get(p, -1):
            fail(f"A consumer got item {s} of producer {p} after its item {last[p]}: items must come out in the order they went in (first in, first out).")
        last[p] = s

    def consumer() -> None:
        if start_ms:
            time.sleep(start_ms / 1000)
        last: dict[int, int] = {}
        while True:
            bump(gets_started=1, in_get=1)
            item = buffer.get()
            bump(in_get=-1, progress=1)
            if item is None:
                if not flags["closed"]:
                    fail("get returned None on an open buffer: it must wait until an item arrives (after every wakeup, check the buffer again: while, not if).")
                return
            bump(gets_done=1)
            take(last, item)

    def after_close(drained: bool) -> None:
        """A closed buffer refuses puts; a closed, drained one refuses gets; closing again changes nothing."""
        buffer.close()
        bump(in_get=1)
        if buffer.put(1) is not False:
            fail("put on a closed buffer must return False (also after a second close()).")
        if drained and buffer.get() is not None:
            fail("get on a closed, empty buffer must return None (also after a second close()).")
        bump(in_get=-1)

    buffer = BoundedBuffer(capacity)
    threading.Thread(target=watchdog, daemon=True).start()
    consumer_threads = [threading.Thread(target=consumer, daemon=True) for _ in range(consumers)]
    producer_threads = [threading.Thread(target=producer, args=(p,), daemon=True) for p in range(producers)]
    for thread in consumer_threads + producer_threads:
        thread.start()
    if mode == 1:
        while counts["in_put"] < producers and counts["accepted"] < producers * items:
            time.sleep(0.001)
        time.sleep(0.05)
        flags["closed"] = True
        buffer.close()
        for thread in producer_threads:
            thread.join()
        after_close(drained=False)
        last: dict[int, int] = {}
        bump(in_get=1)
        while (item := buffer.get()) is not None:
            bump(progress=1)
            take(last, item)
        bump(in_get=-1)
    else:
        for thread in producer_threads:
            thread.join()
        flags["closed"] = True
        # Closing twice is harmless: consumers still drain what is inside, then stop.
        buffer.close()
        buffer.close()
        for thread in consumer_threads:
            thread.join()
        after_close(drained=True)
    if not failed() and totals["delivered"] != counts["accepted"]:
        fail(f"{counts['accepted']} item(s) were put but {totals['delivered']} came out: items were lost or invented.")
    write_report()
    exit_now(0)


_harness()
