# attack: memory bomb — keeps allocating and touching memory.
# expect: MLE
# must not: push the host into swap or the host's OOM killer (memory = memory+swap = 256 MiB).
chunks = []
while True:
    chunks.append(bytearray(16 * 1024 * 1024))
