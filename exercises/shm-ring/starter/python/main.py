"""The test harness (read-only): sets up your ring in shared memory, forks a producer process and a
consumer process, and checks that every message arrives exactly once, in order and intact, that
the ring never holds more than its capacity (nor fewer before put waits), that close wakes the other
process and that closing twice is harmless. It writes its report on its own descriptor
(osprep_report.py): print() goes to standard error, so you may debug with it.

Input: a nonce line, then "CAPACITY SIZE N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE".
The producer puts N messages of SIZE bytes (pausing before each), the consumer gets until the ring
is closed and empty (starting late if asked). MODE 0: the producer closes the ring when it is done.
MODE 1: the consumer waits until the producer is stuck on a full ring, then closes it and drains.
MODE 2: the producer closes the ring while the consumer waits on it, empty. As the docs allow, some
of your multiprocessing Condition.wait calls return without a notify.

The memory is an anonymous shared mapping made in the parent, which builds your Ring on it before
forking; each child closes every descriptor but 0, 1 and 2. Your module runs in these processes but
cannot reach the harness: everything the harness needs is taken before your module is imported and
kept inside _harness(); your module sees an empty __main__; and the harness checks at the end that
what it relies on was not replaced."""
import mmap
import multiprocessing.synchronize
import os
import random
import signal
import sys
import time
import traceback
import types
from typing import NoReturn

import osprep_report


def _harness() -> None:
    # The report, and its methods, are held here only: your module cannot reach them.
    report = osprep_report.Report()
    fail, failed, number, end = report.fail, report.failed, report.number, report.end
    sys.stdout = stderr = sys.stderr
    # What the harness calls once your module is loaded, taken now: your module may import time and
    # multiprocessing, which hold some of it.
    exit_now, fork, kill, waitpid, exit_code, closerange = os._exit, os.fork, os.kill, os.waitpid, os.waitstatus_to_exitcode, os.closerange
    no_hang, my_pid, open_max = os.WNOHANG, os.getpid(), os.sysconf("SC_OPEN_MAX")
    sigkill, set_handler, default_action, signal_name = signal.SIGKILL, signal.signal, signal.SIG_DFL, signal.strsignal
    sleep, monotonic, monotonic_ns = time.sleep, time.monotonic, time.monotonic_ns
    format_exc, map_shared, modules = traceback.format_exc, mmap.mmap, sys.modules

    def bad_scenario() -> NoReturn:
        print("harness: bad scenario", file=stderr)
        exit_now(2)

    words = sys.stdin.read().split()
    # CAPACITY SIZE N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE, as harness.c takes them.
    ranges = [(1, 4096), (8, 4096), (0, 5_000_000), (0, 1_000_000), (0, 1000), (0, 1000), (0, 2)]
    if len(words) != len(ranges) or not all(word.isascii() and word.isdigit() and low <= int(word) <= high for word, (low, high) in zip(words, ranges)):
        bad_scenario()
    capacity, message_size, messages, pause_us, start_ms, spurious_permille, mode = map(int, words)
    if mode == 1 and messages <= capacity:
        bad_scenario()

    stall_ms, poll_ms, settle_ms = 2000, 10, 20
    max_overhead = 1 << 20  # the most bytes_needed may ask for beyond the messages themselves
    mask32, after_close = 0xFFFFFFFF, 2**64 - 1  # a message put after the close carries this number
    producer, consumer = 0, 1
    names = ("producer", "consumer")

    # What the two processes tell the parent: a mapping of the harness's own, never the ring's.
    # 8-byte counters, each written by one process only (the last four kinds: one slot per child),
    # then a failure text per child. Native 8-byte items are stored whole, so a reader never sees half
    # a number (a little-endian struct format would write them a byte at a time).
    PUTS_DONE, GETS_STARTED, GETS_DONE, ACCEPTED, DELIVERED, CHECKSUM = range(6)
    IN_PUT, IN_GET = 6, 7
    CLOSED = 8  # the harness is about to call close, or has
    CONSUMER_STARTED = 9  # the consumer's late start is over
    PROGRESS, DONE, FAILED_AT, FAILURE_LENGTH = 10, 12, 14, 16  # FAILED_AT: monotonic ns, 0 until it failed
    RAISED = 18  # an exception escaped your code in this child
    counters, text_bytes = 20, 2048
    try:
        state = map_shared(-1, counters * 8 + 2 * text_bytes)
    except OSError as error:
        print(f"harness: cannot map its state ({error.strerror})", file=stderr)
        exit_now(2)
    shared = memoryview(state)[: counters * 8].cast("q")
    failure_slot = producer  # which child this process is, once forked

    def child_fail(message: str) -> NoReturn:
        """A child's failure: kept for the parent's report (the earliest of the two counts), and the child ends."""
        text = message.encode()[:text_bytes]
        at = counters * 8 + failure_slot * text_bytes
        state[at : at + len(text)] = text
        shared[FAILURE_LENGTH + failure_slot] = len(text)
        shared[FAILED_AT + failure_slot] = monotonic_ns()
        stderr.flush()
        exit_now(0)

    def child_failed() -> bool:
        return bool(shared[FAILED_AT + producer] or shared[FAILED_AT + consumer])

    def first_child_failure() -> str | None:
        stamps = sorted((shared[FAILED_AT + slot], slot) for slot in (producer, consumer) if shared[FAILED_AT + slot])
        if not stamps:
            return None
        slot = stamps[0][1]
        at = counters * 8 + slot * text_bytes
        return bytes(state[at : at + shared[FAILURE_LENGTH + slot]]).decode("utf-8", "ignore")

    # ---- spurious wakeups: some waits return at once, as the threading docs allow ----
    condition = multiprocessing.synchronize.Condition
    real_wait = condition.wait
    # Event.wait waits on a Condition once and promises to return only when set (or timed out).
    event_wait, caller = multiprocessing.synchronize.Event.wait.__code__, sys._getframe
    chance = random.Random(20261123)
    just_woke = False
    def spurious_wait(self, timeout=None):
        """A wakeup without a notify, now and then: at once, the lock kept, so nothing changed while
        "asleep" (letting the lock go would let the other process make the wakeup a true one). Never
        twice in a row, so that a wait in a while loop does sleep, even at 1000 per mille."""
        nonlocal just_woke
        just_woke = not just_woke and spurious_permille > 0 and chance.randrange(1000) < spurious_permille and caller(1).f_code is not event_wait
        return True if just_woke else real_wait(self, timeout)

    condition.wait = spurious_wait
    # Your module sees an empty __main__, not this harness.
    stand_in = types.ModuleType("__main__")
    modules["__main__"] = stand_in

    from ring import Ring

    def intact() -> str | None:
        """What the harness relies on and your code replaced, if anything."""
        if condition.wait is not spurious_wait:
            return "Your code replaced multiprocessing's Condition.wait: the harness's test must run on the library's own."
        if modules.get("__main__") is not stand_in:
            return "Your code replaced the __main__ module: the harness's test must run as it is."
        return None

    def write_report() -> None:
        if problem := intact():
            fail(problem)
        number("delivered", shared[DELIVERED])
        number("accepted", shared[ACCEPTED])
        number("checksum", shared[CHECKSUM])
        end()

    def give_up(message: str) -> NoReturn:
        fail(message)
        write_report()
        exit_now(0)

    # ---- messages ----
    def mix(source: int, sequence: int) -> int:
        x = ((source * 0x9E3779B1) & mask32) ^ sequence
        x ^= x >> 16
        x = (x * 0x85EBCA6B) & mask32
        return x ^ (x >> 13)

    rest = message_size - 8
    words_per_message = (rest + 7) // 8
    # Byte `at` of a message is byte `at` of its word XOR at * 0x9E3779B97F4A7C15, as in harness.c;
    # the second part is the same in every message, so it is made once, as one number.
    positions = int.from_bytes(b"".join((at * 0x9E3779B97F4A7C15 & (2**64 - 1)).to_bytes(8, "little") for at in range(8, message_size, 8))[:rest], "little")

    def fill(sequence: int) -> bytes:
        """Message `sequence`: its number in the first 8 bytes, then words that depend on it and their place."""
        word = (mix(1, sequence & mask32) << 32 | mix(2, sequence & mask32)).to_bytes(8, "little")
        body = int.from_bytes((word * words_per_message)[:rest], "little") ^ positions
        return sequence.to_bytes(8, "little") + body.to_bytes(rest, "little")

    # ---- the ring, made in the parent ----
    least = capacity * message_size
    # An exception from your code in the parent ends the run as one in a child does: a runtime error.
    asked = Ring.bytes_needed(capacity, message_size)
    if type(asked) is not int or not least <= asked <= least + max_overhead:
        give_up(
            f"Ring.bytes_needed({capacity}, {message_size}) returned {asked!r}: a ring of {capacity} messages of {message_size} bytes needs at least {least} bytes, and at most 1 MiB more for its header."
        )
    try:
        memory = map_shared(-1, asked)
    except OSError as error:
        print(f"harness: cannot map the ring ({error.strerror})", file=stderr)
        exit_now(2)
    ring = Ring(memoryview(memory), capacity, message_size)

    def other_is_waiting(inside: int) -> bool:
        """Whether the other process sits in put or get (`shared[inside]` is 1) without progress for 20 ms, waiting at most 2 s."""
        until = monotonic() + stall_ms / 1000
        while monotonic() < until:
            progress = shared[PROGRESS + producer] + shared[PROGRESS + consumer]
            sleep(settle_ms / 1000)
            if shared[inside] == 1 and shared[PROGRESS + producer] + shared[PROGRESS + consumer] == progress:
                return True
        return False

    # ---- the children ----
    def watched_put(message: bytes) -> object:
        """Every call into put and get is watched: the watchdog names a call that blocks."""
        shared[IN_PUT] = 1
        result = ring.put(message)
        shared[IN_PUT] = 0
        return result

    def watched_get() -> object:
        shared[IN_GET] = 1
        message = ring.get()
        shared[IN_GET] = 0
        return message

    def produce() -> None:
        for sequence in range(messages):
            if pause_us:
                sleep(pause_us / 1e6)
            message = fill(sequence)
            result = watched_put(message)
            shared[PROGRESS + producer] += 1
            if type(result) is not bool:
                child_fail(f"put returned {result!r}: it must return True (the message went in) or False (the ring is closed).")
            if mode == 1 and sequence == capacity:
                if result:
                    child_fail("put returned True for a message that waited on a full ring until the ring was closed: a put waiting when the ring is closed must return False without adding its message.")
                return
            if not result:
                child_fail("put returned False on an open ring with room (or soon to have room): it must wait until there is room (after every wakeup, check the ring again: while, not if).")
            shared[ACCEPTED] += 1
            shared[PUTS_DONE] += 1
            held = shared[PUTS_DONE] - shared[GETS_STARTED]
            if held > capacity:
                child_fail(f"The ring held at least {held} messages at once; its capacity is {capacity}: put must wait while the ring is full.")
        if mode == 2 and not other_is_waiting(IN_GET):
            child_fail("The consumer did not wait in get once the ring was empty: it must wait while the ring is empty and open.")
        shared[CLOSED] = 1
        ring.close()
        ring.close()
        if watched_put(fill(after_close)) is not False:
            child_fail("put on a closed ring must return False (also after a second close()).")

    def check(message: object, expected_sequence: int) -> None:
        """Checks the message the consumer got as its `expected_sequence`th."""
        if not isinstance(message, (bytes, bytearray)) or len(message) != message_size:
            what = f"{len(message)} bytes" if isinstance(message, (bytes, bytearray)) else f"a {type(message).__name__}"
            child_fail(f"get returned {what}: it must return the message, a copy of its {message_size} bytes (bytes or bytearray), or None once the ring is closed and empty.")
        sequence = int.from_bytes(message[:8], "little")
        if sequence == after_close:
            child_fail("A message put after close() came out of get: put on a closed ring must return False without adding it.")
        if sequence != expected_sequence:
            if sequence < expected_sequence:
                child_fail(f"Message {sequence} came out again, after message {expected_sequence - 1}: each message must come out exactly once, in the order it went in.")
            if sequence < messages:
                child_fail(f"Message {sequence} came out where message {expected_sequence} was expected: messages were lost or reordered (the ring is first in, first out).")
            child_fail(
                f"get gave message {expected_sequence} bytes that no message had (its first 8 bytes read {sequence}): a message taken from an empty ring, or a slot read before it was written."
            )
        expected = fill(sequence)
        if message != expected:
            at = next(at for at in range(message_size) if message[at] != expected[at])
            child_fail(
                f"Message {sequence} came out with byte {at} wrong (0x{message[at]:02x} where 0x{expected[at]:02x} was put): a slot read before its message was completely written, or overwritten before it was read, or a copy of the wrong length or offset."
            )

    def consume() -> None:
        if start_ms:
            sleep(start_ms / 1000)
        if mode == 1:
            # The producer filled the ring and waits for room: exactly `capacity` messages went in.
            if not other_is_waiting(IN_PUT):
                child_fail(f"With nobody taking messages out, the producer put all {shared[PUTS_DONE]} without waiting (or never settled): put must wait while the ring is full.")
            if shared[PUTS_DONE] != capacity:
                child_fail(f"put waited on a ring holding {shared[PUTS_DONE]} message(s); a ring of capacity {capacity} must take {capacity} before put waits.")
            shared[CLOSED] = 1
            shared[CONSUMER_STARTED] = 1
            ring.close()
            # The close alone must wake the waiting put (a get would wake it too, so none comes
            # first); a put that stays is the watchdog's to report.
            while shared[IN_PUT]:
                sleep(0.001)
        shared[CONSUMER_STARTED] = 1
        delivered = checksum = 0
        while True:
            shared[GETS_STARTED] += 1
            message = watched_get()
            shared[PROGRESS + consumer] += 1
            if message is None:
                if not shared[CLOSED]:
                    child_fail("get returned None on an open ring: it must wait until a message arrives (after every wakeup, check the ring again: while, not if).")
                break
            shared[GETS_DONE] += 1
            check(message, delivered)
            checksum = (checksum + mix(1, delivered & mask32)) & mask32
            delivered += 1
            shared[DELIVERED] = delivered
        if watched_get() is not None:
            child_fail("get on a closed, empty ring must return None (also when called again).")
        # Closing again, from the other side, changes nothing.
        ring.close()
        if watched_put(fill(after_close)) is not False:
            child_fail("put on a closed ring must return False (also after a second close()).")
        shared[CHECKSUM] = checksum

    alive: dict[int, int] = {}  # child pid: its slot

    def start(body, slot: int) -> None:
        nonlocal failure_slot
        try:
            pid = fork()
        except OSError as error:
            print(f"harness: fork failed ({error.strerror})", file=stderr)
            for child in alive:
                kill(child, sigkill)
            exit_now(2)
        if pid:
            alive[pid] = slot
            return
        # The child: no descriptor of the parent's (its report's among them), and it never returns.
        failure_slot = slot
        closerange(3, open_max)
        try:
            body()
        except SystemExit as ending:
            child_fail(f"The {names[slot]} process ended inside your code (exit({ending.code!r})) before the harness was done with it: your code must return to the harness, not exit.")
        except BaseException:
            # An exception escaping your code is a runtime error, as in a single process: the parent
            # ends with status 1 after the traceback (written at once, not mixed with the other child's).
            stderr.write(format_exc())
            shared[RAISED + slot] = 1
            stderr.flush()
            exit_now(1)
        if problem := intact():
            child_fail(problem)
        shared[DONE + slot] = 1
        stderr.flush()
        exit_now(0)

    stderr.flush()
    start(produce, producer)
    start(consume, consumer)

    # ---- the parent: reaps both, and watches for no progress (a deadlock or a wakeup that never came) ----
    crashed, stopped, still, last = 0, False, 0, -1
    raised_in: int | None = None

    def stop() -> None:
        nonlocal stopped
        for pid in alive:
            kill(pid, sigkill)
        stopped = True

    while alive:
        pid, status = waitpid(-1, no_hang)
        if pid in alive:
            slot = alive.pop(pid)
            if not stopped and not child_failed() and not shared[DONE + slot]:
                code = exit_code(status)
                if shared[RAISED + slot]:
                    raised_in = slot
                elif code < 0:
                    crashed = -code
                    print(f"harness: the {names[slot]} process was killed by signal {crashed} ({signal_name(crashed)}) in your code", file=stderr)
                else:
                    fail(f"The {names[slot]} process ended inside your code (exit status {code}) before the harness was done with it: your code must return to the harness, not exit.")
                stop()
            continue
        sleep(poll_ms / 1000)
        if stopped:
            continue
        if child_failed():
            # The failing process has ended; the other might wait for it for ever.
            stop()
            continue
        now = shared[PROGRESS + producer] + shared[PROGRESS + consumer]
        if now != last or not shared[CONSUMER_STARTED]:
            last, still = now, 0
            continue
        still += 1
        if still * poll_ms < stall_ms:
            continue
        putting, getting = shared[IN_PUT], shared[IN_GET]
        if not putting and not getting:
            continue  # the harness itself is between steps
        where = "the producer waiting in put and the consumer in get" if putting and getting else "the producer waiting in put" if putting else "the consumer waiting in get"
        if shared[CLOSED]:
            fail(
                f"{stall_ms // 1000} s after close(), {where}: a close must wake whoever waits, in either process (notify_all on every condition a put or get waits on), and a put or get woken by it must return False or None, not wait again (a get only once the ring is empty)."
            )
        else:
            fail(
                f"No progress for {stall_ms // 1000} s: {where}, about {shared[PUTS_DONE] - shared[GETS_DONE]} message(s) in the ring (capacity {capacity}). A deadlock, or a wakeup that never reached the other process: are the ring's indices and closed flag all in `memory`, and its locks and conditions multiprocessing's, made in __init__?"
            )
        stop()
    if raised_in is not None:
        print(f"harness: the {names[raised_in]} process raised an exception in your code (its traceback is above)", file=stderr)
        stderr.flush()
        exit_now(1)
    if crashed:
        # The run ends as the child did: a crash is a runtime error, a kill at a limit the limit's.
        if crashed != sigkill:  # SIGKILL's action cannot be set, nor needs to be
            set_handler(crashed, default_action)
        kill(my_pid, crashed)
        exit_now(128 + crashed)
    if failure := first_child_failure():
        fail(failure)
    if not failed() and shared[DELIVERED] != shared[ACCEPTED]:
        fail(f"{shared[ACCEPTED]} message(s) were put but {shared[DELIVERED]} came out: messages were lost or invented.")
    if not stopped:
        ring.destroy()
    write_report()
    exit_now(0)


_harness()
