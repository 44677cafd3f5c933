"""The harness: reads "<nonce>\n<threads> <adds>", runs the threads, reports on its own descriptor."""
import os
import sys
import threading

report = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)
sys.stdout = sys.stderr

import counter  # noqa: E402  (after the report descriptor is ours)

nonce, threads, adds = sys.stdin.read().split()


def work() -> None:
    for _ in range(int(adds)):
        counter.counter_add(1)


workers = [threading.Thread(target=work) for _ in range(int(threads))]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
report.write('{"nonce":"%s","ok":true,"total":%d}\n' % (nonce, counter.counter_total()))
report.close()
