"""The fixture's trusted tool: N clients connected at once, each sending M lines and checking every
echo, all staying connected a moment before leaving together. Usage: main.py <clients> <lines>.
Prints one JSON report."""
import json
import socket
import sys
import threading
import time

clients, lines = int(sys.argv[1]), int(sys.argv[2])
latencies: list[float] = []
errors: list[str] = []
lock = threading.Lock()
together = threading.Barrier(clients)
HOLD_SECONDS = 0.3


def connect() -> socket.socket:
    deadline = time.monotonic() + 5
    while True:
        try:
            return socket.create_connection(("127.0.0.1", 7070), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def client(number: int) -> None:
    try:
        with connect() as connection:
            together.wait(timeout=10)
            reader = connection.makefile("rb")
            for i in range(lines):
                line = f"client {number} line {i}\n".encode()
                started = time.perf_counter()
                connection.sendall(line)
                got = reader.readline()
                with lock:
                    latencies.append(time.perf_counter() - started)
                if got != line:
                    raise ValueError(f"sent {line!r}, got back {got!r}")
            together.wait(timeout=10)
            time.sleep(HOLD_SECONDS)
    except threading.BrokenBarrierError:
        with lock:
            errors.append(f"client {number}: another client failed")
    except (OSError, ValueError) as error:
        together.abort()
        with lock:
            errors.append(f"client {number}: {error}")


started = time.perf_counter()
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - started
latencies.sort()
report = {"ok": not errors, "echoed": len(latencies), "throughput": len(latencies) / elapsed, "p99Ms": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0}
if errors:
    report["error"] = f"{len(errors)} of {clients} clients failed; the first: {errors[0]}"
print(json.dumps(report))
