"""The harness: reads "<nonce>\n<threads> <adds>", runs the threads, reports on its own descriptor
(osprep_report.py, shared by every link exercise)."""
import sys
import threading

import osprep_report

report = osprep_report.Report()
sys.stdout = sys.stderr

import counter  # noqa: E402  (after the report descriptor is ours)

threads, adds = sys.stdin.read().split()


def work() -> None:
    for _ in range(int(adds)):
        counter.counter_add(1)


workers = [threading.Thread(target=work) for _ in range(int(threads))]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
report.number("total", counter.counter_total())
report.end()
